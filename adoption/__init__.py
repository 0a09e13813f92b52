"""AI adoption in Swedish municipalities and civil society: the domain package.

Everything that is not rendering lives here: the store (the one owner of the
DuckDB connection and of every SQL statement), reference data and geometry,
demo data, the metric registry, goals, filters, formatting and the command
line (``python -m adoption``). Streamlit is not imported from this package.
"""

__version__ = "0.1.0"
