#!/usr/bin/env python3
"""Writes the key fixtures the engine's tests check the validators against, from public facts only.

- USCC (GB 32100-2015): registration authority and organisation type codes of the standard, administrative division
  codes of Guangdong (GB/T 2260), organisation codes made up here; check characters computed by this script, an
  implementation independent of the Java one.
- Resident ID (GB 11643-1999): division codes of Guangdong, real calendar dates, sequence numbers made up here.

Deterministic: run it again and the files are identical.
    python3 datasets/tools/make_key_fixtures.py engine/src/test/resources/io/credgraph/model
"""
import datetime
import random
import sys
from pathlib import Path

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W_USCC = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
W_RID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
# registration authority + organisation type pairs of GB 32100-2015 table 1
AUTHORITY_TYPES = ["11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93", "N1", "N2", "N3", "Y1"]
# administrative divisions of Guangdong (GB/T 2260): province, Guangzhou districts, Shenzhen, Zhuhai, Foshan,
# Dongguan, Zhongshan
DIVISIONS = ["440000", "440103", "440104", "440105", "440106", "440111", "440300", "440304", "440305", "440400",
             "440604", "440605", "441900", "442000"]


def uscc_check(body17):
    s = sum(ALPHABET.index(c) * w for c, w in zip(body17, W_USCC))
    return ALPHABET[(31 - s % 31) % 31]


def rid_check(body17):
    s = sum(int(c) * w for c, w in zip(body17, W_RID))
    return "10X98765432"[s % 11]


def uscc_rows(rnd):
    rows = []
    for i in range(300):
        org = "".join(rnd.choice(ALPHABET) for _ in range(9))
        body = rnd.choice(AUTHORITY_TYPES) + rnd.choice(DIVISIONS) + org
        code = body + uscc_check(body)
        kind = i % 10
        if kind < 6:
            rows.append((code, "valid"))
        elif kind == 6 and any(c.isalpha() for c in code):
            rows.append((code.lower(), "valid-after-uppercase"))
        elif kind in (6, 7):
            wrong = rnd.choice([c for c in ALPHABET if c != code[17]])
            rows.append((body + wrong, "bad-check"))
        elif kind == 8:
            rows.append((code[:15], "malformed"))
        else:
            pos = rnd.randrange(17)
            bad = rnd.choice("IOSVZ")
            rows.append((code[:pos] + bad + code[pos + 1:], "malformed"))
    return rows


def rid_rows(rnd):
    rows = []
    start = datetime.date(1930, 1, 1).toordinal()
    end = datetime.date(2010, 12, 31).toordinal()
    for i in range(200):
        born = datetime.date.fromordinal(rnd.randint(start, end))
        body = rnd.choice(DIVISIONS) + born.strftime("%Y%m%d") + "%03d" % rnd.randint(1, 999)
        number = body + rid_check(body)
        kind = i % 8
        if kind < 4:
            rows.append((number if number[-1] != "X" or kind % 2 else number.lower(), "valid"))
        elif kind == 4:
            wrong = rnd.choice([c for c in "0123456789X" if c != number[-1]])
            rows.append((body + wrong, "bad-check"))
        elif kind == 5:
            # 30 February, 31 April or 29 February of a common year: never a date
            year = rnd.choice([1981, 1990, 1999, 2001, 2003])
            month_day = rnd.choice(["0230", "0431", "0229", "1131", "1300"])
            bad = body[:6] + str(year) + month_day + body[14:]
            rows.append((bad + rid_check(bad), "bad-date"))
        elif kind == 6:
            rows.append((number[:15], "malformed"))
        else:
            rows.append((number[:10] + "A" + number[11:], "malformed"))
    return rows


def write(path, header, rows):
    with open(path, "w", encoding="utf-8") as f:
        for line in header:
            f.write("# " + line + "\n")
        f.write("value\tclass\n")
        for value, cls in rows:
            f.write(value + "\t" + cls + "\n")


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    write(out / "uscc-fixture.tsv",
          ["USCC fixture written by datasets/tools/make_key_fixtures.py from public facts (GB 32100-2015 codes,",
           "Guangdong division codes); check characters computed independently of the Java validator."],
          uscc_rows(random.Random(32100)))
    write(out / "resident-id-fixture.tsv",
          ["Resident ID fixture written by datasets/tools/make_key_fixtures.py (GB 11643-1999); made-up numbers",
           "of Guangdong divisions, check characters computed independently of the Java validator."],
          rid_rows(random.Random(11643)))


if __name__ == "__main__":
    main()
