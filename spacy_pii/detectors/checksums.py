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

