"""Creating the tables when another process creates them at the same moment."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, event, inspect
from sqlalchemy.exc import OperationalError

from madoguchi.store.db import create_tables


def racing_metadata(url: str, times: int) -> MetaData:
    """Tables whose creation loses a race `times` times: another process creates them first."""
    metadata = MetaData()
    first = Table("first", metadata, Column("id", Integer, primary_key=True))
    Table("second", metadata, Column("id", Integer, primary_key=True))
    other = create_engine(url)
    lost = []

    @event.listens_for(first, "before_create")
    def the_other_process_is_faster(target, connection, **_kw) -> None:
        if len(lost) < times:
            lost.append(1)
            with other.begin() as conn:
                target.create(conn)  # between our check and our CREATE TABLE

    return metadata


def test_the_loser_of_a_race_to_create_a_sqlite_table_goes_on(tmp_path):
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    engine = create_engine(url)
    create_tables(engine, racing_metadata(url, times=1))
    assert set(inspect(engine).get_table_names()) == {"first", "second"}


def test_other_sqlite_errors_are_not_hidden(tmp_path):
    (tmp_path / "folder").mkdir()
    url = f"sqlite:///{tmp_path / 'folder'}"  # a folder, not a database file
    with pytest.raises(OperationalError, match="unable to open"):
        create_tables(create_engine(url), racing_metadata(url, times=0))
