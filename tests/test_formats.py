"""The kinds of upload, defined once in adoption.formats and used by every entry point."""

from __future__ import annotations

import pytest

from adoption import cli, formats
from adoption.errors import InputError
from adoption.ingest import pipeline


def test_kinds_and_the_survey_kinds_among_them():
    assert formats.KINDS == ("enkatsvar", "initiativ", "befolkning", "kommungrupper")
    assert formats.SURVEY_KINDS == ("enkatsvar", "initiativ")
    assert formats.kind_name("enkatsvar") == "Enkätsvar"
    assert formats.kind_name("befolkning", "en") == "Population"
    with pytest.raises(KeyError):
        formats.upload_kind("okand")


def test_the_command_line_offers_the_same_kinds():
    parser = cli.build_parser()
    actions = {a.dest: a for a in parser._subparsers._group_actions[0].choices["ingest"]._actions}
    assert tuple(actions["kind"].choices) == formats.KINDS
    export = {a.dest: a for a in parser._subparsers._group_actions[0].choices["export"]._actions}
    assert tuple(export["kind"].choices) == formats.SURVEY_KINDS


def test_the_pipeline_refuses_an_unknown_kind_naming_the_known_ones():
    with pytest.raises(InputError, match="enkatsvar, initiativ, befolkning, kommungrupper"):
        pipeline.validate_upload(b"", "x.csv", "okand", None)
