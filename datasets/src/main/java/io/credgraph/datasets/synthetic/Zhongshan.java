package io.credgraph.datasets.synthetic;

import java.util.List;

/**
 * Reference data of Zhongshan (中山市, Guangdong), a prefecture-level city without counties: its 8
 * subdistricts and 15 towns, the industries they are known for (GB/T 4754-2017 classes), surnames
 * common in the Pearl River Delta, and the municipal agencies. Weights are rough shares of
 * registered market entities, not statistics.
 */
final class Zhongshan {
  /** Administrative division code of Zhongshan (GB/T 2260), used in USCCs and resident IDs. */
  static final String REGION = "442000";

  private Zhongshan() {}

  /** A subdistrict (街道) or town (镇) with its weight and the industries it is known for. */
  record District(String name, int weight, List<String> specialties) {}

  /**
   * A GB/T 4754-2017 class: its code (section letter + 4 digits), and the words used in enterprise
   * names.
   */
  record Industry(String code, String companyWord, String shopWord) {}

  static final List<District> DISTRICTS =
      List.of(
          new District("石岐街道", 8, List.of("F5211", "H6210", "O8040")),
          new District("东区街道", 7, List.of("K7010", "I6510", "L7212")),
          new District("西区街道", 5, List.of("C3989", "F5199")),
          new District("南区街道", 3, List.of("C2927", "G5430")),
          new District("五桂山街道", 1, List.of("A0143", "H6210")),
          new District("中山港街道", 8, List.of("C2720", "C3989", "I6510")),
          new District("民众街道", 3, List.of("A0412", "C3351")),
          new District("南朗街道", 3, List.of("A0412", "H6210", "C2720")),
          new District("小榄镇", 12, List.of("C3351", "C3872", "C3854")),
          new District("古镇镇", 9, List.of("C3872", "C3871", "C3874")),
          new District("横栏镇", 5, List.of("C3872", "A0143")),
          new District("港口镇", 4, List.of("C2462", "C2927")),
          new District("沙溪镇", 5, List.of("C1810", "C1830")),
          new District("大涌镇", 3, List.of("C2110", "C1810")),
          new District("黄圃镇", 4, List.of("C1353", "C3854")),
          new District("东凤镇", 5, List.of("C3854", "C3851")),
          new District("三角镇", 3, List.of("C2231", "C3989")),
          new District("阜沙镇", 2, List.of("C2927", "C3351")),
          new District("南头镇", 4, List.of("C3851", "C3854")),
          new District("板芙镇", 2, List.of("C3351", "C2231")),
          new District("神湾镇", 1, List.of("A0143", "A0412")),
          new District("坦洲镇", 6, List.of("C3989", "G5430", "C2927")),
          new District("三乡镇", 5, List.of("C2110", "K7010", "H6210")));

  static final List<Industry> INDUSTRIES =
      List.of(
          new Industry("C3872", "灯饰", "灯饰店"),
          new Industry("C3871", "光电科技", "灯饰店"),
          new Industry("C3874", "智能照明", "灯饰店"),
          new Industry("C3351", "五金制品", "五金店"),
          new Industry("C2110", "家具", "家具店"),
          new Industry("C3854", "电器", "电器店"),
          new Industry("C3851", "制冷电器", "电器店"),
          new Industry("C1810", "服装", "制衣厂"),
          new Industry("C1830", "服饰", "服装店"),
          new Industry("C1353", "食品", "腊味店"),
          new Industry("C2462", "游艺设备", "游艺设备厂"),
          new Industry("C3989", "电子科技", "电子厂"),
          new Industry("C2720", "医药科技", "药房"),
          new Industry("C2927", "塑料制品", "塑料厂"),
          new Industry("C2231", "包装材料", "纸品厂"),
          new Industry("F5199", "贸易", "商行"),
          new Industry("F5211", "百货", "百货商店"),
          new Industry("H6210", "餐饮管理", "餐厅"),
          new Industry("E4710", "建筑工程", "装修工程部"),
          new Industry("K7010", "房地产开发", "地产代理部"),
          new Industry("K7030", "房地产代理", "地产代理部"),
          new Industry("I6510", "信息科技", "电脑店"),
          new Industry("L7212", "投资", "咨询服务部"),
          new Industry("G5430", "物流", "货运部"),
          new Industry("O8040", "美容美发", "发型屋"),
          new Industry("A0143", "花卉园艺", "花木场"),
          new Industry("A0412", "水产养殖", "养殖场"));

  /** Industries an individual business (个体工商户) mostly has. */
  static final List<String> SHOP_INDUSTRIES =
      List.of(
          "F5211", "F5211", "H6210", "H6210", "O8040", "F5199", "C3351", "C1830", "E4710", "G5430",
          "K7030");

  /** Industries companies outside their district's specialty have. */
  static final List<String> COMPANY_INDUSTRIES =
      List.of(
          "F5199", "F5199", "F5199", "I6510", "E4710", "K7030", "G5430", "H6210", "C3989", "C2927",
          "C3351", "C3872", "L7212", "K7010", "C2231");

  /** Surnames of Zhongshan, most frequent first; weights roughly per thousand. */
  static final String[] SURNAMES = {
    "陈", "黄", "梁", "李", "林", "张", "吴", "何", "刘", "郑", "冯", "杨", "罗", "郭", "周", "谭", "麦", "卢", "谢",
    "欧阳", "徐", "钟", "朱", "苏", "高", "邓", "叶", "胡", "余", "萧", "曾", "孙", "温", "彭", "严", "潘", "韦", "区",
    "袁", "邝", "司徒", "马"
  };

  static final int[] SURNAME_WEIGHTS = {
    120, 90, 70, 65, 50, 48, 45, 40, 38, 30, 28, 26, 25, 22, 20, 18, 16, 15, 15, 8, 12, 12, 11, 11,
    10, 10, 10, 9, 9, 8, 8, 8, 7, 7, 6, 6, 5, 5, 5, 4, 3, 6
  };

  static final String GIVEN =
      "伟强明华建国志军文杰俊辉海林斌涛鹏敏丽芳燕玲霞婷娟慧颖嘉欣卓锦荣耀永健家豪浩然子轩" + "思远宇航晓彤梓晴雪梅秀英桂兰振宏泽民少冬伟鸿炳坤润发汝兴惠珍淑仪咏诗展鹏国栋锡添";

  /** Characters of trade names (字号). */
  static final String TRADE =
      "华利达兴盛昌宏泰新恒通信合顺源丰鑫隆广美佳福永发富祥瑞荣锦安康伟宝金凯旭晖明辉" + "创嘉力威雅星腾誉联骏越德诚益汇龙凤鹏程卓远景朗光耀铭浩亿宇天海洋博达骏豪俊峰晨晟灿";

  static final String[] AGENCIES = {
    "中山市市场监督管理局",
    "国家税务总局中山市税务局",
    "中山市财政局",
    "中山市卫生健康局",
    "中山市教育和体育局",
    "中山市住房和城乡建设局",
    "中山市公安局",
    "中山市人力资源和社会保障局",
    "中山市民政局",
    "中山市生态环境局",
    "中山市应急管理局",
    "中山市发展和改革局",
    "中山市自然资源局",
    "中山市交通运输局",
    "中山市商务局",
    "中山市工业和信息化局",
    "中山市农业农村局",
    "中山市水务局",
    "中山市审计局",
    "中山市司法局"
  };

  static final String[] POSITIONS = {"科员", "科员", "科员", "副主任科员", "主任科员", "副科长", "科长", "副局长", "局长"};

  static final String[] HOSPITAL_WORDS = {"人民医院", "中医院", "妇幼保健院", "社区卫生服务中心", "卫生院", "口腔医院"};
  static final String[] SCHOOL_WORDS = {"中学", "小学", "实验小学", "纪念中学分校", "职业技术学校", "幼儿园"};
  static final String[] SOCIAL_WORDS = {"商会", "行业协会", "慈善基金会", "志愿者协会", "企业家联合会"};

  static final String[] HEALTH_PROFESSIONS = {"医师", "医师", "护士", "护士", "药师"};
  static final String[] EDUCATION_PROFESSIONS = {"教师"};

  /** Regions of migrants' resident IDs (GB/T 2260): Guangdong and neighbouring provinces. */
  static final String[] MIGRANT_REGIONS = {
    "445121", "441481", "440882", "441521", "430524", "511324", "452122", "360782", "431102",
    "450881"
  };

  static String shortDistrict(String district) {
    return district.endsWith("街道") ? district.substring(0, district.length() - 2) : district;
  }

  static Industry industry(String code) {
    for (Industry i : INDUSTRIES) {
      if (i.code().equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no industry " + code);
  }
}
