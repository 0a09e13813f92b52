"""What each page shows, as data: no Streamlit here."""
