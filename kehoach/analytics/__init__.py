"""Analytics: aggregation of entered values and judgement of targets (issue #4).

Pure cores, no ORM (docs/decisions/0007-aggregation-engine.md):

- `definitions`: the typed inputs (data elements, indicators, values, settings) and outputs.
- `geography`: which entered unit counts towards which aggregate unit across the 2025 reform.
- `engine`: the reference engine in pure Python, with the incremental update.
- `columnar`: the full recompute on Polars, equal to `engine` cell for cell.
- `judgement`: target judgement (trajectory, gap, forecast, status) with an explanation.
"""
