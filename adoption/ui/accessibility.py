"""What every page shares for accessibility: the page's language, contrast, focus and reflow.

``frame(lang)`` is called once per run from ``app.py``, before the page. It
sends one invisible ``st.html`` element holding

* a script that sets ``<html lang>`` to the interface language and gives the
  language switch's other-language option its own ``lang`` (WCAG 3.1.1, 3.1.2);
* the project's only CSS: captions and notes at 4.5:1, a visible keyboard
  focus, and reflow at 320 CSS px (WCAG 1.4.3, 2.4.7, 1.4.10).

Why a script and not a patched ``index.html``: Streamlit serves one static
``index.html`` (``lang="en"``) from its installed package for every page and
language; patching it would mean rewriting a file inside the installed
package at start (lost on reinstall, impossible on a read-only install) and
it would still be wrong for the other language. The element is the first
of every run, but Streamlit loads the code that draws ``st.html`` on demand, so
on a page's first load the script runs a moment (tens of milliseconds) after
the first text appears. A style that hid the text until then would load the
same way, so it could not close that gap; the statement lists it as a known gap.

Chart colours for axes, legends and titles are set on the chart specification
in :mod:`adoption.ui.charts` (the charts draw in SVG, outside CSS's reach).
"""

from __future__ import annotations

import html
import json
import os

import streamlit as st

from adoption import access
from adoption.text import i18n
from adoption.views import accessibility as statement_data

# Streamlit draws captions in the body colour at 60 % opacity: #828180 on white, 3.9:1.
# At 80 % it is about #595959, 7:1, and still lighter than body text.
CAPTION_OPACITY = 0.8
FOCUS_COLOUR = "#1c4fa0"  # 8:1 on white, 7:1 on the sidebar's grey
# Labels of the language switch, each in its own language.
AUTONYMS = {"sv": "Svenska", "en": "English"}

CSS = f"""
[data-testid="stCaptionContainer"] {{ opacity: {CAPTION_OPACITY}; }}
a:focus-visible, button:focus-visible, summary:focus-visible, [role="tab"]:focus-visible,
[role="button"]:focus-visible, [tabindex]:focus-visible, input:focus-visible, textarea:focus-visible {{
  outline: 3px solid {FOCUS_COLOUR} !important; outline-offset: 2px;
}}
[data-testid="stRadioOption"]:has(input:focus-visible), [data-testid="stCheckbox"] label:has(input:focus-visible) {{
  outline: 3px solid {FOCUS_COLOUR}; outline-offset: 2px;
}}
.a11y-legend ul {{ display: inline; margin: 0; padding: 0; list-style: none; }}
.a11y-legend li {{ display: inline; margin: 0 1.1em 0 0; padding: 0; white-space: nowrap; }}
@media (max-width: 640px) {{
  [data-testid="stMainBlockContainer"] {{ padding-left: 0.75rem; padding-right: 0.75rem; }}
  [data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"] {{ overflow-wrap: anywhere; }}
  .a11y-legend li {{ white-space: normal; }}
}}
"""

_SCRIPT = """
(function () {
  var lang = %(lang)s, autonyms = %(autonyms)s;
  document.documentElement.lang = lang;
  window.__a11yLang = lang;
  window.__a11yUpload = %(upload)s;
  function mark() {
    var current = window.__a11yLang;
    document.querySelectorAll('[data-testid="stRadioOption"]').forEach(function (option) {
      var text = (option.textContent || "").trim();
      for (var code in autonyms) {
        if (text === autonyms[code]) {
          if (code === current) { option.removeAttribute("lang"); }
          else if (option.getAttribute("lang") !== code) { option.setAttribute("lang", code); }
        }
      }
    });
    // The uploader's own button text is hidden (English only, adoption/ui/widget_text.py) and worded
    // by CSS generated content, which is not its accessible name: give it one in the language.
    document.querySelectorAll('[data-testid="stFileUploaderDropzone"] button').forEach(function (button) {
      if (button.getAttribute("aria-label") !== window.__a11yUpload) {
        button.setAttribute("aria-label", window.__a11yUpload);
      }
    });
  }
  mark();
  if (!window.__a11yObserver) {
    window.__a11yObserver = new MutationObserver(mark);
    window.__a11yObserver.observe(document.body, {childList: true, subtree: true});
  }
})();
"""


def _frame_html(lang: str) -> str:
    script = _SCRIPT % {"lang": json.dumps(lang), "autonyms": json.dumps(AUTONYMS),
                        "upload": json.dumps(i18n.t("common.upload_button", lang), ensure_ascii=False)}
    # The element holds no content, only style and behaviour: its container takes no room.
    return (f"<style>{CSS}\n[data-testid=\"stElementContainer\"]:has(.a11y-frame) {{ display: none; }}</style>"
            f"<span class=\"a11y-frame\" hidden></span><script>{script}</script>")


def frame(lang: str) -> None:
    """Set the page's language and the shared CSS (call once per run, before the page)."""
    st.html(_frame_html(lang if lang in i18n.LANGS else i18n.DEFAULT_LANG), unsafe_allow_javascript=True)


def in_language(text: str, text_lang: str, page_lang: str) -> str:
    """``text`` as HTML (escaped), marked with its own ``lang`` when it is not in the page's language
    (WCAG 3.1.2). For Markdown drawn with ``unsafe_allow_html=True``."""
    escaped = html.escape(text)
    return escaped if text_lang == page_lang else f'<span lang="{text_lang}">{escaped}</span>'


def history_label(label: str, page_lang: str) -> str:
    """The label the upload history records (:mod:`adoption.access`): the fixed ones are Swedish."""
    swedish = label in (access.LABEL_PASSWORD, access.LABEL_LOCAL)
    return in_language(label, "sv", page_lang) if swedish else html.escape(label)


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # noqa: BLE001 - no secrets.toml: nothing configured there
        return {}


def statement(lang: str) -> None:
    """The accessibility statement (``/tillganglighet``), after DIGG's model."""
    secrets = _secrets()
    contact = statement_data.contact_from(os.environ, secrets)
    organisation = statement_data.organisation_from(os.environ, secrets)
    for section in statement_data.statement(lang, contact=contact, organisation=organisation):
        st.header(section.heading)
        for paragraph in section.paragraphs:
            st.markdown(paragraph)
        if section.items:
            st.markdown("\n".join(f"- {item}" for item in section.items))
