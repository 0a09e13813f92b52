"""The report's typeface: Inter, from Debian's fonts-inter package (scripts/setup.sh installs it).

Inter (SIL Open Font License) has tabular figures and every Swedish letter;
the PDF embeds the subset it uses. Only this folder is offered to Typst and
vl-convert, so a report looks the same on every machine, or says what is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

from adoption.errors import AdoptionError

FAMILY = "Inter"
DEBIAN_DIR = Path("/usr/share/fonts/opentype/inter")
ENV = "ADOPTION_REPORT_FONTS"  # another folder with Inter's .otf files, for machines without the package
NEEDED = ("Inter-Regular.otf", "Inter-SemiBold.otf", "Inter-Bold.otf", "Inter-Italic.otf")


def font_dir() -> Path:
    folder = Path(os.environ.get(ENV) or DEBIAN_DIR)
    missing = [name for name in NEEDED if not (folder / name).is_file()]
    if missing:
        raise AdoptionError(
            f"Typsnittet Inter saknas i {folder} ({', '.join(missing)}), så ingen rapport kan göras. "
            "Kör bash scripts/setup.sh (installerar Debian-paketet fonts-inter) "
            f"eller ange en mapp med Inters .otf-filer i ${ENV}."
        )
    return folder
