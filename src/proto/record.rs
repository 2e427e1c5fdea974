use serde::Serialize;
use serde::de::DeserializeOwned;

/// A result type that can be shown as rows. JSON and CSV carry every serialized field, in the
/// order of the type's definition; tables show `COLUMNS` (serde field names), in that order.
pub trait Record: Serialize + DeserializeOwned + 'static {
    const COLUMNS: &'static [&'static str];

    /// Columns a table may leave out, first first, on a terminal too narrow for all of
    /// `COLUMNS` (what is left still names each record; `show` and `-o json` have them all).
    const DROPPABLE: &'static [&'static str] = &[];

    /// Every field, as JSON names it, in order (read from the type's serde definition).
    fn fields() -> &'static [&'static str] {
        super::fields::of::<Self>()
    }

    /// The table's cells, in `COLUMNS` order, when they are not simply the fields of those
    /// names (a column made of two fields, a shortened time).
    fn cells(&self) -> Option<Vec<String>> {
        None
    }

    /// One table cell, when it is not simply the field of that name (the others are).
    fn cell(&self, _column: &str) -> Option<String> {
        None
    }
}
