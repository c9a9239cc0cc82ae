# Keeps the lines that are valid keys: a USCC (GB 32100) or a resident ID number (GB 11643), by check character.
# The synthetic city holds deliberately bad keys (wrong check characters, birth dates such as month 13); the benchmark
# asks only about valid ones, so that every answer it counts is a 200.
function realdate(d,   y, m, dd, days) {
  y = substr(d, 1, 4) + 0; m = substr(d, 5, 2) + 0; dd = substr(d, 7, 2) + 0
  if (m < 1 || m > 12 || dd < 1) return 0
  split("31 28 31 30 31 30 31 31 30 31 30 31", days, " ")
  if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return dd <= 29
  return dd <= days[m]
}
BEGIN {
  A = "0123456789ABCDEFGHJKLMNPQRTUWXY"
  split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", WU, " ")
  split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", WR, " ")
  R = "10X98765432"
}
length($0) == 18 {
  if ($0 ~ /^[0-9]+[0-9X]$/ && mode == "resident") {
    s = 0
    for (i = 1; i <= 17; i++) s += substr($0, i, 1) * WR[i]
    if (substr(R, s % 11 + 1, 1) == substr($0, 18, 1) && realdate(substr($0, 7, 8))) print
  } else if (mode == "uscc") {
    s = 0; okc = 1
    for (i = 1; i <= 17; i++) { v = index(A, substr($0, i, 1)) - 1; if (v < 0) okc = 0; s += v * WU[i] }
    if (okc && substr(A, (31 - s % 31) % 31 + 1, 1) == substr($0, 18, 1)) print
  }
}
