"""Numbers in words ("forty one", "nineteen eighty five"), for spoken values and for ages in
prose; imports nothing else of the generator, so every module can use it.
"""
DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int) -> str:
    """0..9999 in words: 41 -> "forty one", 1985 -> "nineteen eighty five"."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens] + ("" if ones == 0 else " " + DIGITS[ones])
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return DIGITS[hundreds] + " hundred" + ("" if rest == 0 else " " + number_words(rest))
    if 2000 <= n <= 2009:
        return "two thousand" + ("" if n == 2000 else " and " + DIGITS[n - 2000])
    high, low = divmod(n, 100)
    if low == 0:
        return number_words(high) + " hundred"
    return number_words(high) + " " + (("oh " + DIGITS[low]) if low < 10 else number_words(low))
