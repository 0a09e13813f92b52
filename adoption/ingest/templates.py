"""Upload templates: an .xlsx with drop-down lists and instructions, and the same as CSV.

One template per kind of upload (``enkatsvar``, ``initiativ``, ``befolkning``).
The column names and order come from :mod:`adoption.formats` (and, for
population, :mod:`adoption.ingest.population_upload`), the drop-down values
from :mod:`adoption.vocab`, so a filled-in template always validates against
the same rules as any other upload.

The population template is the project's own simple table (kommunkod,
kommun, ar, befolkning), prefilled with the 290 municipalities; SCB
(BE0101N1) CSV files and Kolada (N01951) JSON files are accepted too.
"""

from __future__ import annotations

import io

import pandas as pd

from adoption.formats import INITIATIVE_COLUMNS, kind_name, survey_columns
from adoption.ingest.population_upload import TEMPLATE_COLUMNS as POPULATION_COLUMNS
from adoption.vocab import NOT_APPLICABLE_TEXT, sectors, stages, terms

INSTRUCTIONS_SHEET = "Instruktioner"
LISTS_SHEET = "Listor"
# Drop-downs and number checks cover this many data rows.
TEMPLATE_ROWS = 5000
CSV_DELIMITER = ";"


def columns(kind: str) -> tuple[str, ...]:
    if kind == "enkatsvar":
        return survey_columns()
    if kind == "initiativ":
        return INITIATIVE_COLUMNS
    if kind == "befolkning":
        return POPULATION_COLUMNS
    raise ValueError(kind)


def filename(kind: str, fmt: str) -> str:
    return f"mall_{kind}.{fmt}"


def _municipalities(municipalities: pd.DataFrame | None) -> pd.DataFrame:
    if municipalities is None:
        from adoption.ingest import reference

        municipalities = reference.municipalities()
    return municipalities.sort_values("kommunkod")[["kommunkod", "name"]]


def _prefill(kind: str, municipalities: pd.DataFrame | None) -> list[list[str]]:
    if kind != "befolkning":
        return []
    return [[code, name, "", ""] for code, name in _municipalities(municipalities).itertuples(index=False)]


def template_csv(kind: str, municipalities: pd.DataFrame | None = None) -> bytes:
    """The header row (UTF-8 with BOM, ';'); for befolkning also one row per municipality to fill in."""
    lines = [CSV_DELIMITER.join(columns(kind))]
    lines += [CSV_DELIMITER.join(row) for row in _prefill(kind, municipalities)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


# --- drop-down lists --------------------------------------------------------------

def _lists(kind: str, municipalities: pd.DataFrame | None) -> dict[str, tuple[list[str], bool]]:
    """column → (allowed values shown in the drop-down, strict?). Every value parses as the column's vocabulary."""
    yes_no = ["ja", "nej"]
    stage_labels = [s.name_sv for s in stages()] + [NOT_APPLICABLE_TEXT]
    names = list(_municipalities(municipalities)["name"])
    if kind == "enkatsvar":
        found = {
            "typ": ([t.label_sv for t in terms("typ")], True),
            "kommun": (names, False),
            "org_kategori": ([t.label_sv for t in terms("org_kategori")], True),
            "ai_strategi": ([t.label_sv for t in terms("ai_strategi")], True),
            "riktlinjer_genai": (yes_no, True),
            "deltar_kraftsamling": (yes_no, True),
        }
        for sector in sectors():
            found[sector.column] = (stage_labels, True)
        return found
    if kind == "initiativ":
        return {
            "kommun": (names, False),
            "sektor": ([s.name_sv for s in sectors()], True),
            "mognad": ([s.name_sv for s in stages() if s.value >= 1], True),
            "teknik": ([t.label_sv for t in terms("teknik")], True),
            "utvarderad": (yes_no, True),
        }
    return {}


def _partial_file(kind: str) -> list[str]:
    """What a file with only some of the columns does (data-formats.md section 5)."""
    who = {"enkatsvar": "en kommun eller organisation som redan har svarat samma år",
           "initiativ": "ett initiativ som redan är sparat (samma år, kommun, organisation och titel)"}.get(kind)
    if who is None:
        return []
    return [f"• En kolumn som du tar bort betyder ”finns inte i filen”: för {who} ändras inget i den "
            "kolumnen. En rättelse kan alltså innehålla bara de kolumner som ska ändras (och de som anger raden)."]


def _instructions(kind: str) -> list[str]:
    common_end = [
        "",
        "Allmänt",
        "• Skriv en rad per svar under rubrikraden; ändra inte kolumnnamnen.",
        "• En tom cell betyder ”inget svar” (aldrig 0). Det gäller också en rättelse: en tom cell tömmer ett "
        "svar som redan är sparat.",
        *_partial_file(kind),
        "• Listorna i cellerna visar de tillåtna värdena; koden, den svenska eller engelska benämningen "
        "godtas också, med eller utan å, ä och ö.",
        "• Kommunkod skrivs med fyra siffror (0114); ”114” godtas. Kommunnamn får skrivas med eller utan "
        "”kommun”/”stad”.",
        "• Personuppgifter får inte finnas i filen: en cell med e-postadress eller personnummer gör att "
        "hela uppladdningen stoppas (rad och kolumn anges).",
        "• Spara som Excel-arbetsbok (.xlsx) eller CSV (semikolonavgränsad) och ladda upp på sidan "
        "”Ladda upp” eller med kommandoraden: python -m adoption validate FIL, sedan "
        f"python -m adoption ingest FIL --kind {kind}.",
        "• Samma fil igen ändrar ingenting, om inte datan har ändrats sedan den lästes in: då återställs "
        "filens värden (förhandsvisningen visar vilka). Varje inläsning blir en ny dataversion som kan "
        "återställas.",
    ]
    if kind == "enkatsvar":
        lines = [
            "Mall för enkätsvar: en rad per kommun eller civilsamhällesorganisation och enkätår.",
            "",
            "Kolumner",
            "• ar (krävs om året inte väljs vid uppladdningen): enkätåret, 2015–2100.",
            "• typ (krävs): Kommun eller Civilsamhälle.",
            "• kommunkod eller kommun (minst en krävs).",
            "• organisation: krävs för civilsamhället, högst 200 tecken. organisationsnummer: NNNNNN-NNNN.",
            "• org_kategori, ai_strategi (Nej/Pågår/Ja), riktlinjer_genai och deltar_kraftsamling (ja/nej): "
            "välj i listan.",
            "• antal_initiativ, antal_i_drift: heltal ≥ 0; antal i drift får inte vara större än antal initiativ.",
            "• andel_utbildad_personal: procent 0–100 (”45”, ”45 %”, ”45,5”). ai_budget_tkr: tusental kronor.",
            "• hinder: flera värden åtskilda med semikolon, t.ex. ”juridik; kompetens”. Tillåtna: "
            + ", ".join(t.label_sv.lower() for t in terms("hinder")) + ".",
            "• mognad_<verksamhetsområde>: mognadsnivån i listan; ”.” betyder ej tillämplig "
            "(t.ex. kollektivtrafik som regionen sköter).",
            "• En kommun svarar högst en gång per år; en organisation högst en gång per år.",
        ]
    elif kind == "initiativ":
        lines = [
            "Mall för AI-initiativ: en rad per initiativ.",
            "",
            "Kolumner",
            "• ar (krävs om året inte väljs vid uppladdningen), kommunkod eller kommun (krävs).",
            "• organisation: fyll i för en civilsamhällesorganisations initiativ, annars tom.",
            "• titel (krävs, högst 200 tecken), sektor (krävs, välj i listan), mognad (krävs: Planerad, "
            "Pilot, I drift eller I drift, utvärderad och spridd).",
            "• teknik: välj i listan. beskrivning: högst 2 000 tecken.",
            "• nytta: flera värden åtskilda med semikolon. Tillåtna: "
            + ", ".join(t.label_sv.lower() for t in terms("nytta")) + ".",
            "• utvarderad: ja/nej. samverkan: kommunkoder åtskilda med semikolon. kalla: URL eller dokument.",
            "• Ett initiativ med samma år, kommun, organisation och titel som ett tidigare ersätter det.",
        ]
    else:
        lines = [
            "Mall för befolkning: folkmängd per kommun och år.",
            "",
            "Kolumner",
            "• kommunkod (krävs): ifylld för alla 290 kommuner. kommun: bara för att hitta rätt rad.",
            "• ar (krävs om året inte väljs vid uppladdningen) och befolkning (krävs): antal invånare, heltal.",
            "• Alla 290 kommuner måste finnas för varje år i filen; en ofullständig tabell stoppas.",
            "• Källa: SCB:s tabell BE0101N1 eller Koladas nyckeltal N01951. En CSV-fil från SCB:s "
            "Statistikdatabas eller en JSON-fil från Koladas API kan också laddas upp direkt.",
            "• Ange aldrig påhittade siffror.",
        ]
    return lines + common_end


def template_xlsx(kind: str, municipalities: pd.DataFrame | None = None) -> bytes:
    """A workbook: the data sheet (header, drop-downs), "Instruktioner", and a hidden "Listor" sheet."""
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    names = columns(kind)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = kind_name(kind)
    sheet.append(list(names))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in _prefill(kind, municipalities):
        sheet.append(row)
    last = TEMPLATE_ROWS + 1
    for index, name in enumerate(names, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, len(name) + 2)
        if name in ("kommunkod", "organisationsnummer", "samverkan"):
            for row in range(2, last + 1 if kind != "befolkning" else sheet.max_row + 1):
                sheet.cell(row=row, column=index).number_format = "@"  # keep leading zeros

    instructions = book.create_sheet(INSTRUCTIONS_SHEET)
    instructions.column_dimensions["A"].width = 120
    for line in _instructions(kind):
        instructions.append([line])
    instructions["A1"].font = Font(bold=True, size=13)

    lists = _lists(kind, municipalities)
    if lists:
        sheet_lists = book.create_sheet(LISTS_SHEET)
        sheet_lists.sheet_state = "hidden"
        for list_index, (column, (allowed, strict)) in enumerate(lists.items(), start=1):
            letter = get_column_letter(list_index)
            sheet_lists.cell(row=1, column=list_index, value=column)
            for offset, value in enumerate(allowed, start=2):
                sheet_lists.cell(row=offset, column=list_index, value=value)
            ref = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(allowed) + 1}"
            validation = DataValidation(type="list", formula1=ref, allow_blank=True, showDropDown=False,
                                        showErrorMessage=True, errorStyle="stop" if strict else "warning",
                                        errorTitle="Värdet finns inte i listan",
                                        error="Välj ett värde i listan (se bladet Instruktioner).")
            target = get_column_letter(names.index(column) + 1)
            validation.add(f"{target}2:{target}{last}")
            sheet.add_data_validation(validation)
    if "ar" in names:
        target = get_column_letter(names.index("ar") + 1)
        validation = DataValidation(type="whole", operator="between", formula1="2015", formula2="2100",
                                    allow_blank=True, showErrorMessage=True, errorTitle="Ogiltigt år",
                                    error="Året ska vara ett heltal mellan 2015 och 2100.")
        validation.add(f"{target}2:{target}{last}")
        sheet.add_data_validation(validation)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
