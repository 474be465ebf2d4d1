"""tradeclaims: statistical trade claims from news text, typed and linked to their source span."""
__version__ = "0.1.0"
