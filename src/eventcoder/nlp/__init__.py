"""spaCy plumbing: line breaks, the compiled attribute rules, the pre-filter, the one module that spells dependency labels."""
