"""The store's tables, a class per group of tables that one stage writes: files and their
short lines (reading), articles (splitting), texts and edges (fingerprinting and matching),
stories (grouping). Each holds the SQL of its tables and nothing else."""
