import pytest

from adoption.ingest.personal import find_personnummer, personal_data_message

from .conftest import luhn_digit

PNR = "811218" + "987"
PNR10 = PNR + luhn_digit(PNR)
SAMORDNING = "811278" + "987"
SAMORDNING10 = SAMORDNING + luhn_digit(SAMORDNING)


@pytest.mark.parametrize("text", [PNR10, f"{PNR10[:6]}-{PNR10[6:]}", f"{PNR10[:6]}+{PNR10[6:]}", "19" + PNR10,
                                  f"19{PNR10[:6]}-{PNR10[6:]}", f"kontakt {PNR10[:6]}-{PNR10[6:]} tack",
                                  SAMORDNING10])
def test_personnummer_found(text):
    assert find_personnummer(text)


def test_not_personnummer():
    bad_check = PNR + str((int(luhn_digit(PNR)) + 1) % 10)
    assert find_personnummer(bad_check) is None
    org = "802002123"
    assert find_personnummer(f"{org[:6]}-{org[6:]}{luhn_digit(org)}") is None  # month 20: organisationsnummer
    assert find_personnummer("2024") is None
    assert find_personnummer("12345678901234") is None


def test_messages_mask_values():
    value, message = personal_data_message(f"{PNR10[:6]}-{PNR10[6:]}")
    assert PNR10[:6] not in value and "personnummer" in message
    value, message = personal_data_message("Kontakt: anna.svensson@kommun.se")
    assert "anna.svensson" not in value and "e-postadress" in message
    assert personal_data_message("Malmö") is None
