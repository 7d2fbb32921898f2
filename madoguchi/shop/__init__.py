"""The shop rules and what follows from them: dates, fees, handoff priorities."""
