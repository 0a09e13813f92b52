"""Streamlit helpers shared by app.py and pages/: the only Streamlit code in ``adoption``."""
