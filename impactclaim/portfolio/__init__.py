"""impactclaim portfolio: what many statements say together, for a financier, a municipality or a network."""
