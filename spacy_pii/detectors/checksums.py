"""Check digits and checksums, each in one place, for the detectors and the generator.

Every function takes the compact value (no spaces or dashes) and never raises on a wrong
shape: a value of the wrong length or alphabet is simply not valid.
"""
import hashlib
from typing import List, Optional, Sequence

# --- Luhn (cards, CA_SIN, DEA) ----------------------------------------------------------


def luhn_check_digit(digits: str) -> int:
    """The Luhn check digit that makes `digits + check` valid.

    digits (str): the payload, ASCII digits only.
    RETURNS (int): the check digit.
    """
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def luhn_valid(digits: str) -> bool:
    """Whether a string of digits passes the Luhn checksum.

    digits (str): ASCII digits only.
    RETURNS (bool): True if the checksum holds.
    """
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# --- mod-97 (IBAN, ISO 7064) ------------------------------------------------------------


def mod97(alnum: str) -> int:
    """ISO 7064 mod 97-10 of an alphanumeric string (letters count as 10-35).

    alnum (str): upper-case letters and digits.
    RETURNS (int): the remainder; an IBAN rearranged (first four characters moved to the
        end) is valid when it is 1.
    """
    return int("".join(str(int(ch, 36)) for ch in alnum)) % 97


# --- Verhoeff (IN_AADHAAR) --------------------------------------------------------------

_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6), (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8), (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2), (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4), (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)  # fmt: skip
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2), (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0), (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5), (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)  # fmt: skip
_VERHOEFF_INV = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def verhoeff_valid(digits: str) -> bool:
    """Whether a digit string (check digit last) passes the Verhoeff checksum.

    digits (str): ASCII digits only.
    RETURNS (bool): True if valid.
    """
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[i % 8][ord(ch) - 48]]
    return c == 0


def verhoeff_check_digit(digits: str) -> int:
    """The Verhoeff check digit to append to `digits`.

    digits (str): the payload, ASCII digits only.
    RETURNS (int): the check digit.
    """
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[(i + 1) % 8][ord(ch) - 48]]
    return _VERHOEFF_INV[c]


# --- weighted mod-11 / mod-10 / mod-89 (NHS, TFN, ABN, PESEL, NRIC) --------------------


def weighted_sum(digits: str, weights: Sequence[int]) -> int:
    """Sum of digit * weight over the shorter of the two.

    digits (str): ASCII digits.
    weights (Sequence[int]): one weight per position.
    RETURNS (int): the weighted sum.
    """
    return sum((ord(ch) - 48) * w for ch, w in zip(digits, weights))


def nhs_valid(digits: str) -> bool:
    """UK NHS number: 10 digits, mod-11 check digit (a remainder giving 10 is never issued).

    digits (str): 10 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 10 or not digits.isdigit():
        return False
    check = 11 - weighted_sum(digits[:9], range(10, 1, -1)) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == ord(digits[9]) - 48


def tfn_valid(digits: str) -> bool:
    """Australian tax file number: 9 digits, weighted sum divisible by 11.

    digits (str): 9 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 9 or not digits.isdigit():
        return False
    return weighted_sum(digits, (1, 4, 3, 7, 5, 8, 6, 9, 10)) % 11 == 0


def abn_valid(digits: str) -> bool:
    """Australian business number: 11 digits, first minus one, weighted sum divisible by 89.

    digits (str): 11 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 11 or not digits.isdigit() or digits[0] == "0":
        return False
    adjusted = str(int(digits[0]) - 1) + digits[1:]
    return weighted_sum(adjusted, (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)) % 89 == 0


def pesel_valid(digits: str) -> bool:
    """Polish PESEL: 11 digits, weights 1,3,7,9 repeated, mod-10 check, a real birth date.

    digits (str): 11 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 11 or not digits.isdigit():
        return False
    check = (10 - weighted_sum(digits[:10], (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)) % 10) % 10
    if check != ord(digits[10]) - 48:
        return False
    month, day = int(digits[2:4]) % 20, int(digits[4:6])
    return 1 <= month <= 12 and 1 <= day <= 31


# Check letters of Singapore NRIC/FIN by prefix; M (FIN since 2022) adds 3 and uses its own.
_SG_CHECK = {"S": ("JZIHGFEDCBA", 0), "T": ("JZIHGFEDCBA", 4), "F": ("XWUTRQPNMLK", 0),
             "G": ("XWUTRQPNMLK", 4), "M": ("XWUTRQPNJLK", 3)}  # fmt: skip


def sg_nric_valid(value: str) -> bool:
    """Singapore NRIC/FIN: prefix S/T/F/G/M, 7 digits, a check letter.

    value (str): 9 characters, upper case.
    RETURNS (bool): True if the check letter matches.
    """
    if len(value) != 9 or value[0] not in _SG_CHECK or not value[1:8].isdigit():
        return False
    letters, offset = _SG_CHECK[value[0]]
    total = weighted_sum(value[1:8], (2, 7, 6, 5, 4, 3, 2)) + offset
    if value[0] == "M":
        return value[8] == letters[10 - total % 11]
    return value[8] == letters[total % 11]


# --- mod-23 (ES_NIF / ES_NIE) -----------------------------------------------------------

_MOD23_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def mod23_letter(number: int) -> str:
    """The Spanish DNI/NIE control letter of a number.

    number (int): the 8-digit number (for a NIE, with X/Y/Z replaced by 0/1/2).
    RETURNS (str): the control letter.
    """
    return _MOD23_LETTERS[number % 23]


# --- IT_FISCAL_CODE check character -----------------------------------------------------

_IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def it_fiscal_check_char(first15: str) -> Optional[str]:
    """The check character of an Italian codice fiscale.

    first15 (str): its first 15 characters, upper case.
    RETURNS (Optional[str]): the 16th character, or None for a wrong alphabet or length.
    """
    if len(first15) != 15:
        return None
    total = 0
    for i, ch in enumerate(first15):
        if ch.isdigit():
            k = ord(ch) - 48
        elif "A" <= ch <= "Z":
            k = ord(ch) - 65
        else:
            return None
        total += _IT_ODD[k] if i % 2 == 0 else k
    return chr(65 + total % 26)


# --- DEA registration number (MEDICAL_LICENSE) -----------------------------------------


def dea_valid(value: str) -> bool:
    """US DEA number: 2 letters, 7 digits; (d1+d3+d5) + 2*(d2+d4+d6) ends in d7.

    value (str): 9 characters.
    RETURNS (bool): True if the check digit matches.
    """
    digits = value[2:]
    if len(value) != 9 or not digits.isdigit() or not value[:2].isalnum():
        return False
    d = [ord(ch) - 48 for ch in digits]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


# --- base58check (Bitcoin P2PKH/P2SH) ---------------------------------------------------

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {ch: i for i, ch in enumerate(_B58)}


def base58_decode(value: str) -> Optional[bytes]:
    """Decode base58 (Bitcoin alphabet).

    value (str): the encoded string.
    RETURNS (Optional[bytes]): the bytes, or None if a character is not in the alphabet.
    """
    n = 0
    for ch in value:
        digit = _B58_INDEX.get(ch)
        if digit is None:
            return None
        n = n * 58 + digit
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    pad = len(value) - len(value.lstrip("1"))
    return b"\x00" * pad + body


def base58check_valid(value: str) -> bool:
    """Whether a base58 string carries a valid double-SHA256 4-byte checksum.

    value (str): the encoded string.
    RETURNS (bool): True if valid.
    """
    raw = base58_decode(value)
    if raw is None or len(raw) < 5:
        return False
    payload, check = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == check


# --- bech32 / bech32m (Bitcoin segwit) --------------------------------------------------

_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {ch: i for i, ch in enumerate(_BECH32)}
_BECH32_CONST, _BECH32M_CONST = 1, 0x2BC830A3


def _bech32_polymod(values: List[int]) -> int:
    generator = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= generator[i] if (top >> i) & 1 else 0
    return chk


def bech32_valid(value: str) -> bool:
    """Whether a bech32 or bech32m string (BIP 173/350) has a valid checksum.

    value (str): the whole string, human-readable part included, one case only.
    RETURNS (bool): True if valid.
    """
    if value.lower() != value and value.upper() != value:
        return False
    value = value.lower()
    sep = value.rfind("1")
    if sep < 1 or sep + 7 > len(value) or len(value) > 90:
        return False
    hrp, data = value[:sep], value[sep + 1 :]
    if any(ch not in _BECH32_INDEX for ch in data):
        return False
    expanded = [ord(ch) >> 5 for ch in hrp] + [0] + [ord(ch) & 31 for ch in hrp]
    return _bech32_polymod(expanded + [_BECH32_INDEX[ch] for ch in data]) in (
        _BECH32_CONST,
        _BECH32M_CONST,
    )


# --- Keccak-256 and EIP-55 (Ethereum addresses) -----------------------------------------

_KECCAK_RC = (
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
)  # fmt: skip
_KECCAK_ROT = (
    (0, 36, 3, 41, 18), (1, 44, 10, 45, 2), (62, 6, 43, 15, 61), (28, 55, 25, 21, 56),
    (27, 20, 39, 8, 14),
)  # fmt: skip
_MASK64 = (1 << 64) - 1


def _keccak_f(a: List[List[int]]) -> None:
    for rc in _KECCAK_RC:
        c = [a[x][0] ^ a[x][1] ^ a[x][2] ^ a[x][3] ^ a[x][4] for x in range(5)]
        d = [c[(x - 1) % 5] ^ (((c[(x + 1) % 5] << 1) | (c[(x + 1) % 5] >> 63)) & _MASK64) for x in range(5)]
        for x in range(5):
            for y in range(5):
                a[x][y] ^= d[x]
        b = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                r = _KECCAK_ROT[x][y]
                v = a[x][y]
                b[y][(2 * x + 3 * y) % 5] = ((v << r) | (v >> (64 - r))) & _MASK64 if r else v
        for x in range(5):
            for y in range(5):
                a[x][y] = b[x][y] ^ ((~b[(x + 1) % 5][y]) & b[(x + 2) % 5][y])
        a[0][0] ^= rc


def keccak256(data: bytes) -> bytes:
    """Keccak-256 as Ethereum uses it (original padding, not NIST SHA3-256).

    data (bytes): the message.
    RETURNS (bytes): the 32-byte digest.
    """
    rate = 136
    msg = bytearray(data) + b"\x01" + b"\x00" * ((-len(data) - 1) % rate)
    msg[-1] |= 0x80
    a = [[0] * 5 for _ in range(5)]
    for off in range(0, len(msg), rate):
        block = msg[off : off + rate]
        for i in range(rate // 8):
            a[i % 5][i // 5] ^= int.from_bytes(block[8 * i : 8 * i + 8], "little")
        _keccak_f(a)
    out = b"".join(a[i % 5][i // 5].to_bytes(8, "little") for i in range(4))
    return out


def eip55_valid(hex40: str) -> bool:
    """Whether the mixed case of a 40-hex-digit Ethereum address is its EIP-55 checksum.

    hex40 (str): the address without 0x; all-lower or all-upper case carries no checksum
        and returns False.
    RETURNS (bool): True if the case encodes the checksum.
    """
    if len(hex40) != 40 or hex40.lower() == hex40 or hex40.upper() == hex40:
        return False
    digest = keccak256(hex40.lower().encode("ascii")).hex()
    for ch, h in zip(hex40, digest):
        if ch.isalpha() and ch.isupper() != (int(h, 16) >= 8):
            return False
    return True



# --- dates (birth dates inside national numbers) -----------------------------------------


def date_ok(year: int, month: int, day: int) -> bool:
    """Whether a calendar date exists (leap years included).

    year (int): the full year. month (int): 1-12. day (int): 1-31.
    RETURNS (bool): True if the date exists.
    """
    if not 1 <= month <= 12 or day < 1:
        return False
    days = (31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31)  # fmt: skip
    return day <= days[month - 1]


# --- ISO 7064 MOD 11,10 (DE_TAX_ID, DE_VAT_ID) -------------------------------------------


def mod11_10_valid(digits: str) -> bool:
    """Whether a digit string (check digit last) passes ISO 7064 MOD 11,10.

    digits (str): ASCII digits only.
    RETURNS (bool): True if valid.
    """
    if len(digits) < 2 or not digits.isascii() or not digits.isdigit():
        return False
    product = 10
    for ch in digits[:-1]:
        total = (ord(ch) - 48 + product) % 10 or 10
        product = 2 * total % 11
    return (11 - product) % 10 == ord(digits[-1]) - 48


def de_tax_id_valid(digits: str) -> bool:
    """German Steuer-IdNr: 11 digits, no leading 0, in the first ten exactly one digit
    repeated (twice or three times), ISO 7064 MOD 11,10 check digit.

    digits (str): 11 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 11 or not digits.isdigit() or digits[0] == "0":
        return False
    repeats = [digits[:10].count(d) for d in set(digits[:10])]
    if sorted(c for c in repeats if c > 1) not in ([2], [3]):
        return False
    return mod11_10_valid(digits)


# --- German health-care and social numbers ---------------------------------------------


def _cross_sum_weighted(digits: str, weights: Sequence[int]) -> int:
    """Sum of the cross sums (digit sums) of digit * weight."""
    total = 0
    for ch, w in zip(digits, weights):
        p = (ord(ch) - 48) * w
        total += p // 10 + p % 10
    return total


def lanr_valid(digits: str) -> bool:
    """German LANR (lifelong physician number): 9 digits, the 7th a check digit over the
    first six, weights 4 and 9 alternating, (10 - sum mod 10) mod 10.

    digits (str): 9 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 9 or not digits.isdigit() or digits[:6] == "000000":
        return False
    return (10 - weighted_sum(digits[:6], (4, 9, 4, 9, 4, 9)) % 10) % 10 == ord(digits[6]) - 48


def kvnr_valid(value: str) -> bool:
    """German health insurance number (KVNR): a letter and 9 digits; the letter as 01-26
    and the next 8 digits, weights 1,2 alternating, cross sums added, mod 10 is the last.

    value (str): 10 characters, upper case.
    RETURNS (bool): True if valid.
    """
    if len(value) != 10 or not "A" <= value[0] <= "Z" or not value[1:].isdigit():
        return False
    payload = "%02d" % (ord(value[0]) - 64) + value[1:9]
    return _cross_sum_weighted(payload, (1, 2) * 5) % 10 == ord(value[9]) - 48


def rvnr_valid(value: str) -> bool:
    """German pension insurance number (Rentenversicherungsnummer): area (2 digits), birth
    date DDMMYY (day + 50 allowed), a letter, serial (2 digits), check digit; the letter as
    01-26, weights 2,1,2,5,7,1,2,1,2,1,2,1, cross sums added, mod 10 (VKVV § 4).

    value (str): 12 characters, upper case, no spaces.
    RETURNS (bool): True if valid.
    """
    if len(value) != 12 or not value[:8].isdigit() or not "A" <= value[8] <= "Z":
        return False
    if not value[9:].isdigit():
        return False
    day, month = int(value[2:4]) % 50, int(value[4:6])
    if not date_ok(2000, month, day):
        return False
    payload = value[:8] + "%02d" % (ord(value[8]) - 64) + value[9:11]
    return _cross_sum_weighted(payload, (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)) % 10 == ord(value[11]) - 48


# --- ICAO 9303 machine-readable check digit (DE_ID_CARD, DE_PASSPORT) -------------------


def icao_check_digit(value: str) -> Optional[int]:
    """The ICAO 9303 check digit of a document number (weights 7,3,1; A=10 ... Z=35).

    value (str): upper-case letters and digits.
    RETURNS (Optional[int]): the digit, or None for another character.
    """
    total = 0
    for i, ch in enumerate(value):
        if "0" <= ch <= "9":
            v = ord(ch) - 48
        elif "A" <= ch <= "Z":
            v = ord(ch) - 55
        else:
            return None
        total += v * (7, 3, 1)[i % 3]
    return total % 10


# --- routing, company and tax numbers ----------------------------------------------------


def aba_valid(digits: str) -> bool:
    """US ABA routing number: 9 digits, a Federal Reserve prefix (00-12, 21-32, 61-72, 80)
    and weights 3,7,1 with a sum divisible by 10.

    digits (str): 9 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 9 or not digits.isdigit():
        return False
    prefix = int(digits[:2])
    if not (prefix <= 12 or 21 <= prefix <= 32 or 61 <= prefix <= 72 or prefix == 80):
        return False
    return weighted_sum(digits, (3, 7, 1) * 3) % 10 == 0 and digits != "000000000"


def acn_valid(digits: str) -> bool:
    """Australian company number: 9 digits, weights 8..1 over the first 8, the last is
    (10 - sum mod 10) mod 10.

    digits (str): 9 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 9 or not digits.isdigit():
        return False
    return (10 - weighted_sum(digits[:8], range(8, 0, -1)) % 10) % 10 == ord(digits[8]) - 48


def au_medicare_valid(digits: str) -> bool:
    """Australian Medicare card number: 10 digits (11 with the individual reference), the
    first 2-6, weights 1,3,7,9,1,3,7,9 over the first 8, mod 10 is the 9th.

    digits (str): 10 or 11 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) not in (10, 11) or not digits.isdigit() or not "2" <= digits[0] <= "6":
        return False
    return weighted_sum(digits[:8], (1, 3, 7, 9, 1, 3, 7, 9)) % 10 == ord(digits[8]) - 48


def it_vat_valid(digits: str) -> bool:
    """Italian partita IVA: 11 digits, Luhn, a taxpayer number that is not all zeros and a
    tax office code 001-100, 120, 121, 888 or 999.

    digits (str): 11 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 11 or not digits.isdigit() or digits[:7] == "0000000":
        return False
    office = int(digits[7:10])
    if not (1 <= office <= 100 or office in (120, 121, 888, 999)):
        return False
    return luhn_valid(digits)


def kr_brn_valid(digits: str) -> bool:
    """Korean business registration number: 10 digits, weights 1,3,7,1,3,7,1,3,5 plus the
    tens of 5 * 9th digit, (10 - sum mod 10) mod 10 is the last.

    digits (str): 10 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 10 or not digits.isdigit() or digits[:3] < "101" or digits[3:5] == "00":
        return False
    total = weighted_sum(digits[:9], (1, 3, 7, 1, 3, 7, 1, 3, 5)) + (ord(digits[8]) - 48) * 5 // 10
    return (10 - total % 10) % 10 == ord(digits[9]) - 48


def ph_tin_valid(digits: str) -> bool:
    """Philippine TIN: 9 digits (12 with a branch code), weights 9..2 over the first 8,
    sum mod 11 is the 9th.

    digits (str): 9 or 12 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) not in (9, 12) or not digits.isdigit():
        return False
    return weighted_sum(digits[:8], range(9, 1, -1)) % 11 == ord(digits[8]) - 48


def sg_uen_valid(value: str) -> bool:
    """Singapore UEN: business (8 digits + check letter), local company (year, 5 digits,
    check letter) or other entity (R/S/T, 2 digits, entity type, 4 digits, check).

    value (str): 9 or 10 characters, upper case.
    RETURNS (bool): True if the structure and check character hold.
    """
    if len(value) == 9 and value[:8].isdigit():
        check = "XMKECAWLJDB"[weighted_sum(value, (10, 4, 9, 3, 8, 2, 7, 1)) % 11]
        return value[8] == check
    if len(value) != 10:
        return False
    if value[:9].isdigit():
        if not "1800" <= value[:4] <= "2099":
            return False
        return value[9] == "ZKCMDNERGWH"[weighted_sum(value, (10, 8, 6, 4, 9, 7, 5, 3, 1)) % 11]
    if value[0] not in "RST" or not value[1:3].isdigit() or value[3:5] not in _SG_UEN_TYPES:
        return False
    if not value[5:9].isdigit():
        return False
    alphabet = "ABCDEFGHJKLMNPQRSTUVWX0123456789"
    if any(ch not in alphabet for ch in value[:9]):
        return False
    total = sum(alphabet.index(ch) * w for ch, w in zip(value, (4, 3, 5, 3, 10, 2, 2, 5, 7)))
    return value[9] == alphabet[(total - 5) % 11]


_SG_UEN_TYPES = frozenset(
    "CC CD CH CL CM CP CS CX DP FB FC FM FN GA GB GS HS LL LP MB MC MD MH MM MQ NB NR PA PB "
    "PF RF RP SM SS TC TU VH XL".split()
)


def th_tnin_valid(digits: str) -> bool:
    """Thai national ID / tax number: 13 digits, first not 0 or 9, weights 13..2, the last
    is (11 - sum mod 11) mod 10.

    digits (str): 13 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 13 or not digits.isdigit() or digits[0] in "09":
        return False
    return (11 - weighted_sum(digits[:12], range(13, 1, -1)) % 11) % 10 == ord(digits[12]) - 48


def tr_kimlik_valid(digits: str) -> bool:
    """Turkish T.C. Kimlik No: 11 digits, first not 0; the 10th is (7 * odd-place sum -
    even-place sum) mod 10 over the first nine, the 11th the sum of the first ten mod 10.

    digits (str): 11 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 11 or not digits.isdigit() or digits[0] == "0":
        return False
    d = [ord(ch) - 48 for ch in digits]
    return (7 * sum(d[0:9:2]) - sum(d[1:8:2])) % 10 == d[9] and sum(d[:10]) % 10 == d[10]


# --- generalised Luhn over an alphabet (IN_GSTIN) ---------------------------------------


def luhn_mod_n_valid(value: str, alphabet: str) -> bool:
    """Luhn mod N (the check character last) over `alphabet`.

    value (str): characters of `alphabet`.
    alphabet (str): the N characters, in value order.
    RETURNS (bool): True if valid.
    """
    n, total = len(alphabet), 0
    for i, ch in enumerate(reversed(value)):
        v = alphabet.find(ch)
        if v < 0:
            return False
        if i % 2:
            v *= 2
            v = v // n + v % n
        total += v
    return total % n == 0


_GSTIN_STATES = frozenset(["%02d" % i for i in range(1, 39)] + ["97", "99"])


def gstin_valid(value: str) -> bool:
    """Indian GSTIN: state code, a PAN, an entity number (not 0), 'Z', a Luhn mod 36 check.

    value (str): 15 characters, upper case.
    RETURNS (bool): True if valid.
    """
    if len(value) != 15 or value[:2] not in _GSTIN_STATES or value[12] == "0" or value[13] != "Z":
        return False
    return luhn_mod_n_valid(value, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


# --- national numbers with a birth date --------------------------------------------------

_HETU_CENTURY = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900,
                 "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000}  # fmt: skip


def fi_hetu_valid(value: str) -> bool:
    """Finnish personal identity code (henkilötunnus): DDMMYY, a century sign, an
    individual number 002-899 (900-999 temporary), a mod-31 check character.

    value (str): 11 characters, upper case.
    RETURNS (bool): True if valid.
    """
    if len(value) != 11 or value[6] not in _HETU_CENTURY:
        return False
    digits = value[:6] + value[7:10]
    if not digits.isdigit() or int(value[7:10]) < 2:
        return False
    year = _HETU_CENTURY[value[6]] + int(value[4:6])
    if not date_ok(year, int(value[2:4]), int(value[:2])):
        return False
    return value[10] == "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(digits) % 31]


def kr_rrn_date_ok(digits: str) -> bool:
    """Whether a 13-digit Korean RRN/FRN carries a real birth date for its century digit.

    digits (str): 13 ASCII digits (7th: 1-4 and 9, 0 citizens; 5-8 foreigners).
    RETURNS (bool): True if the date exists.
    """
    if len(digits) != 13 or not digits.isdigit():
        return False
    century = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000,
               "8": 2000, "9": 1800, "0": 1800}[digits[6]]  # fmt: skip
    return date_ok(century + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))


def kr_rrn_checksum_ok(digits: str) -> bool:
    """Whether a Korean RRN/FRN passes the mod-11 check digit (numbers issued before
    October 2020; later ones end in a random digit).

    digits (str): 13 ASCII digits.
    RETURNS (bool): True if the check digit holds.
    """
    total = weighted_sum(digits[:12], (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5))
    return (11 - total % 11) % 10 == ord(digits[12]) - 48


def se_personnummer_date_ok(digits: str) -> bool:
    """Whether the first six of a Swedish personnummer (YYMMDD) are a date; a
    samordningsnummer adds 60 to the day.

    digits (str): 10 ASCII digits.
    RETURNS (bool): True if the date exists (year taken as a leap year when 00).
    """
    day = int(digits[4:6])
    day = day - 60 if day > 60 else day
    return date_ok(2000 + int(digits[:2]), int(digits[2:4]), day)


def za_id_valid(digits: str) -> bool:
    """South African ID number: YYMMDD birth date, gender/sequence (4 digits), citizenship
    (0 or 1), a digit, Luhn check digit.

    digits (str): 13 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 13 or not digits.isdigit() or digits[10] not in "012":
        return False
    if not date_ok(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:6])):
        return False
    return luhn_valid(digits)


def npi_valid(digits: str) -> bool:
    """US National Provider Identifier: 10 digits starting 1 or 2, Luhn over the prefix
    80840 and the 10 digits.

    digits (str): 10 ASCII digits.
    RETURNS (bool): True if valid.
    """
    if len(digits) != 10 or not digits.isdigit() or digits[0] not in "12":
        return False
    return luhn_valid("80840" + digits)
