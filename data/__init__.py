"""geokg's data files (gazetteer, relation lexicon, sample corpus), installed as the package ``geokg_data``. No code lives here."""
