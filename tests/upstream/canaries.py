"""How a canary reports that upstream has fixed a gap (tests/upstream/ holds one per workaround)."""


def assert_gap_remains(still_there, *, gap, module):
    """Fails, naming the module to delete, once upstream's own behaviour no longer shows `gap`."""
    assert still_there, f"upstream fixed {gap}: delete upstream/{module}.py"
