"""impactclaim site: a static, searchable directory of impact profiles, built from many statements."""
