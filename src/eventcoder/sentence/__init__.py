"""What one sentence says: mentions and triggers, asserted or not, actor and target, counts, date expressions."""
