"""One reader per upstream data source, each turning its format into Offers."""
