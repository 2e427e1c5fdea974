//! Reading the dump: the decompressed blocks cut into lines, the lines joined into statements,
//! the rows of each `COPY` block taken in bulk, and the little the dispatcher must know of a
//! statement (the table it loads or indexes). Plain text work, no connection: all of it is
//! tested without a server.

use std::io::Read;

use crate::error::{Error, Result};

/// A reader thread decompresses the dump in blocks of this size, ahead of the dispatcher that
/// cuts it into statements and batches of rows.
pub(super) const BLOCK: usize = 256 << 10;

/// Decompress the dump into blocks for the dispatcher, until the end of the input or until
/// the dispatcher stops taking them.
pub(super) fn read_blocks<R: Read>(
    mut input: R,
    blocks: std::sync::mpsc::SyncSender<std::io::Result<Vec<u8>>>,
) {
    loop {
        let mut block = vec![0u8; BLOCK];
        let mut filled = 0;
        let failed = loop {
            match input.read(&mut block[filled..]) {
                Ok(0) => break None,
                Ok(n) => {
                    filled += n;
                    if filled == block.len() {
                        break None;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => break Some(e),
            }
        };
        if filled > 0 {
            block.truncate(filled);
            if blocks.send(Ok(block)).is_err() {
                return;
            }
        }
        if let Some(e) = failed {
            let _ = blocks.send(Err(e));
            return;
        }
        if filled < BLOCK {
            return;
        }
    }
}

/// The decompressed dump as lines, from blocks a reader thread decompresses ahead.
pub(super) struct Lines {
    blocks: std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>,
    block: Vec<u8>,
    pos: usize,
    /// The beginning of a line that goes on in the next block.
    carry: Vec<u8>,
    /// Lines read so far, for errors.
    pub(super) number: usize,
}

impl Lines {
    pub(super) fn new(blocks: std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>) -> Lines {
        Lines {
            blocks,
            block: Vec::new(),
            pos: 0,
            carry: Vec::new(),
            number: 0,
        }
    }

    /// Move to the next block; false at the end of the input.
    fn next_block(&mut self) -> Result<bool> {
        match self.blocks.recv() {
            Ok(Ok(block)) => {
                self.block = block;
                self.pos = 0;
                Ok(true)
            }
            Ok(Err(e)) => Err(Error::io("reading the backup failed", e)),
            Err(_) => Ok(false),
        }
    }

    /// The next line, with its newline (the last line of the input may have none).
    pub(super) fn line(&mut self) -> Result<Option<Vec<u8>>> {
        loop {
            let rest = &self.block[self.pos..];
            if let Some(i) = memchr::memchr(b'\n', rest) {
                let mut line = std::mem::take(&mut self.carry);
                line.extend_from_slice(&rest[..=i]);
                self.pos += i + 1;
                self.number += 1;
                return Ok(Some(line));
            }
            self.carry.extend_from_slice(rest);
            self.pos = self.block.len();
            if !self.next_block()? {
                if self.carry.is_empty() {
                    return Ok(None);
                }
                self.number += 1;
                return Ok(Some(std::mem::take(&mut self.carry)));
            }
        }
    }

    /// Append the rows of a `COPY` block to `batch`, whole lines only, until `batch` holds at
    /// least `want` bytes (false) or the end-of-data line `\.` is passed (true). The rows are
    /// found in bulk: one search for the end marker per block, no per-line work.
    pub(super) fn copy_rows(&mut self, batch: &mut Vec<u8>, want: usize) -> Result<bool> {
        loop {
            if !self.carry.is_empty() {
                // A row begun in the previous block.
                let rest = &self.block[self.pos..];
                let Some(i) = memchr::memchr(b'\n', rest) else {
                    self.carry.extend_from_slice(rest);
                    self.pos = self.block.len();
                    if !self.next_block()? {
                        return self.end_in_copy();
                    }
                    continue;
                };
                self.carry.extend_from_slice(&rest[..=i]);
                self.pos += i + 1;
                self.number += 1;
                let end = self.carry == b"\\.\n";
                if !end {
                    batch.extend_from_slice(&self.carry);
                }
                self.carry.clear();
                if end {
                    return Ok(true);
                }
            }
            // Here `pos` is at the start of a line.
            let rest = &self.block[self.pos..];
            let end = if rest.starts_with(b"\\.\n") {
                Some(0)
            } else {
                memchr::memmem::find(rest, b"\n\\.\n").map(|i| i + 1)
            };
            if let Some(e) = end {
                self.number += memchr::memchr_iter(b'\n', &rest[..e]).count() + 1;
                batch.extend_from_slice(&rest[..e]);
                self.pos += e + 3;
                return Ok(true);
            }
            let whole = memchr::memrchr(b'\n', rest).map_or(0, |i| i + 1);
            self.number += memchr::memchr_iter(b'\n', &rest[..whole]).count();
            batch.extend_from_slice(&rest[..whole]);
            self.carry.extend_from_slice(&rest[whole..]);
            self.pos = self.block.len();
            if batch.len() >= want {
                return Ok(false);
            }
            if !self.next_block()? {
                return self.end_in_copy();
            }
        }
    }

    /// The input ended inside a `COPY` block: fine only after a last line `\.`.
    fn end_in_copy(&mut self) -> Result<bool> {
        if self.carry == b"\\." {
            self.carry.clear();
            self.number += 1;
            return Ok(true);
        }
        Err(Error::refused(
            "the dump ends inside a COPY block: it is truncated",
        ))
    }
}

/// Tracks quotes, dollar quotes and comments across lines, to tell where a statement ends.
#[derive(Default)]
pub(super) struct Scanner {
    text: String,
    first_line: usize,
    single: bool,
    double: bool,
    dollar: Option<String>,
    block: usize,
    last_significant: Option<char>,
}

impl Scanner {
    pub(super) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Add a line; true when the statement is complete at its end.
    pub(super) fn push(&mut self, line: &str, number: usize) -> bool {
        if self.text.is_empty() {
            self.first_line = number;
        }
        self.text.push_str(line);
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            if let Some(tag) = &self.dollar {
                let tag: Vec<char> = tag.chars().collect();
                if chars[i..].starts_with(&tag) {
                    i += tag.len();
                    self.dollar = None;
                    self.last_significant = Some('$');
                } else {
                    i += 1;
                }
                continue;
            }
            if self.block > 0 {
                if c == '*' && next == Some('/') {
                    self.block -= 1;
                    i += 2;
                } else if c == '/' && next == Some('*') {
                    self.block += 1;
                    i += 2;
                } else {
                    i += 1;
                }
                continue;
            }
            if self.single {
                if c == '\'' {
                    self.single = false;
                }
                i += 1;
                continue;
            }
            if self.double {
                if c == '"' {
                    self.double = false;
                }
                i += 1;
                continue;
            }
            match c {
                '-' if next == Some('-') => break,
                '/' if next == Some('*') => {
                    self.block += 1;
                    i += 2;
                    continue;
                }
                '\'' => self.single = true,
                '"' => self.double = true,
                '$' => {
                    let mut j = i + 1;
                    while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                        j += 1;
                    }
                    let is_tag = chars.get(j) == Some(&'$')
                        && !chars.get(i + 1).is_some_and(|d| d.is_ascii_digit());
                    if is_tag {
                        self.dollar = Some(chars[i..=j].iter().collect());
                        i = j + 1;
                        continue;
                    }
                }
                _ => {}
            }
            if !c.is_whitespace() {
                self.last_significant = Some(c);
            }
            i += 1;
        }
        !self.single
            && !self.double
            && self.dollar.is_none()
            && self.block == 0
            && self.last_significant == Some(';')
    }

    pub(super) fn take(&mut self) -> (String, usize) {
        let text = std::mem::take(&mut self.text);
        let line = self.first_line;
        *self = Scanner::default();
        (text.trim().to_string(), line)
    }
}

/// The statements of a dump outside its `COPY` rows, as the restore's dispatcher joins them,
/// and among them the index builds (`is_index_build`) per table: what a backup's manifest lists
/// so that a restore may start them early. Fed line by line (without the newline) as the dump
/// streams by.
#[derive(Default)]
pub struct DumpStatements {
    scanner: Scanner,
    /// A `SET default_tablespace` other than `''` is in force: the builds under it stay where
    /// the dump has them.
    own_tablespace: bool,
    /// A line was too long to keep: the statements are no longer known.
    lost: bool,
    /// Tables with a build in a tablespace of its own: none of their builds is listed (a
    /// restore that starts some early refuses a build of the same table it was not told of).
    placed: std::collections::BTreeSet<String>,
    pub builds: std::collections::BTreeMap<String, Vec<String>>,
}

impl DumpStatements {
    /// A line outside the `COPY` rows; the statement it completes, if it does.
    pub fn line(&mut self, line: &str) -> Option<String> {
        if self.lost {
            return None;
        }
        if self.scanner.is_empty() {
            // As the dispatcher skips them: psql meta-commands, comments, blank lines.
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with("--") || trimmed.starts_with('\\') {
                return None;
            }
        }
        // With its newline, as the dispatcher has it.
        if !self.scanner.push(&format!("{line}\n"), 0) {
            return None;
        }
        let (statement, _) = self.scanner.take();
        if let Some(value) = statement.strip_prefix("SET default_tablespace = ") {
            self.own_tablespace = value != "'';";
        } else if is_index_build(&statement) {
            let table = index_table(&statement);
            if self.own_tablespace {
                self.builds.remove(&table);
                self.placed.insert(table);
            } else if !self.placed.contains(&table) {
                self.builds
                    .entry(table)
                    .or_default()
                    .push(statement.clone());
            }
        }
        Some(statement)
    }

    /// A line too long to keep was skipped: from here on nothing is known (no build is listed).
    pub fn lose(&mut self) {
        self.lost = true;
        self.builds.clear();
    }

    pub fn lost(&self) -> bool {
        self.lost
    }
}

/// `public.t` out of `COPY public.t (a, b) FROM stdin;`.
pub(super) fn copy_table(header: &str) -> String {
    header
        .trim_start_matches("COPY ")
        .split(" (")
        .next()
        .unwrap_or("")
        .trim_end_matches(" FROM stdin;")
        .to_string()
}

/// Indexes, primary keys and unique constraints: each touches one table and needs all its rows.
pub(super) fn is_index_build(statement: &str) -> bool {
    statement.starts_with("CREATE INDEX ")
        || statement.starts_with("CREATE UNIQUE INDEX ")
        || (statement.starts_with("ALTER TABLE ONLY ")
            && (statement.contains(" PRIMARY KEY ") || statement.contains(" UNIQUE "))
            && !statement.contains("FOREIGN KEY"))
}

/// The table an index build works on: `... ON [ONLY] public.t USING ...` or
/// `ALTER TABLE ONLY public.t ...`.
pub(super) fn index_table(statement: &str) -> String {
    let after = if let Some(rest) = statement.strip_prefix("ALTER TABLE ONLY ") {
        rest
    } else if let Some((_, rest)) = statement.split_once(" ON ") {
        rest.strip_prefix("ONLY ").unwrap_or(rest)
    } else {
        return String::new();
    };
    leading_name(after).to_string()
}

/// The (qualified, maybe quoted) name at the start of `text`: up to the first whitespace
/// outside double quotes (`public."Odd Name"`).
fn leading_name(text: &str) -> &str {
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => return &text[..i],
            _ => {}
        }
    }
    text
}

/// The number of columns (or expressions) in the key of an index build: the top-level commas
/// of its first parenthesised list, plus one.
pub(super) fn key_columns(statement: &str) -> u64 {
    let list = match statement.split_once(" USING ") {
        Some((_, rest)) => rest,
        None => statement,
    };
    let Some(start) = list.find('(') else {
        return 1;
    };
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut columns = 1;
    for c in list[start..].chars() {
        match c {
            _ if quote == Some(c) => quote = None,
            _ if quote.is_some() => {}
            '"' | '\'' => quote = Some(c),
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => columns += 1,
            _ => {}
        }
    }
    columns
}

/// The lines a dump cut into blocks at the given places yields.
#[cfg(test)]
pub(super) fn lines_of(dump: &[u8], cuts: &[usize]) -> Lines {
    let (tx, rx) = std::sync::mpsc::sync_channel(cuts.len() + 1);
    let mut start = 0;
    for &cut in cuts.iter().chain([dump.len()].iter()) {
        if cut > start {
            tx.send(Ok(dump[start..cut].to_vec())).unwrap();
            start = cut;
        }
    }
    Lines::new(rx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_end_at_top_level_semicolons() {
        let mut s = Scanner::default();
        assert!(!s.push("CREATE FUNCTION f() RETURNS int AS $$\n", 1));
        assert!(!s.push("BEGIN RETURN 1; END;\n", 2));
        assert!(s.push("$$ LANGUAGE plpgsql;\n", 3));
        let (text, line) = s.take();
        assert_eq!(line, 1);
        assert!(text.ends_with("plpgsql;"));
        assert!(!s.push("COMMENT ON TABLE t IS 'a;\n", 4));
        assert!(s.push("b';\n", 5));
        s.take();
        assert!(s.push("SELECT 1; -- trailing comment\n", 6));
    }

    #[test]
    fn index_builds_name_their_table() {
        assert_eq!(
            index_table("CREATE INDEX i ON public.t USING btree (a);"),
            "public.t"
        );
        assert_eq!(
            index_table("ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);"),
            "public.t"
        );
        assert_eq!(
            index_table("CREATE UNIQUE INDEX u ON ONLY public.p USING btree (a);"),
            "public.p"
        );
        // Quoted names hold spaces.
        let odd = "ALTER TABLE ONLY public.\"Odd Name\"\n    ADD CONSTRAINT k UNIQUE (\"A b\");";
        assert_eq!(index_table(odd), "public.\"Odd Name\"");
        assert_eq!(
            index_table("CREATE INDEX \"i j\" ON \"My Schema\".\"T t\" USING btree (a);"),
            "\"My Schema\".\"T t\""
        );
    }

    #[test]
    fn copy_headers_name_their_table() {
        assert_eq!(copy_table("COPY public.t (a, b) FROM stdin;"), "public.t");
        assert_eq!(
            copy_table("COPY public.\"x y\" FROM stdin;"),
            "public.\"x y\""
        );
    }

    /// Statements and COPY rows as the dispatcher sees them.
    fn parse(mut lines: Lines, want: usize) -> Result<(Vec<String>, Vec<Vec<u8>>, usize)> {
        let mut statements = Vec::new();
        let mut batches = Vec::new();
        while let Some(line) = lines.line()? {
            let text = String::from_utf8_lossy(&line).to_string();
            let copy = text.starts_with("COPY ");
            statements.push(text);
            if copy {
                loop {
                    let mut batch = Vec::new();
                    let done = lines.copy_rows(&mut batch, want)?;
                    assert!(
                        batch.is_empty() || batch.ends_with(b"\n"),
                        "a batch cut a row"
                    );
                    batches.push(batch);
                    if done {
                        break;
                    }
                }
            }
        }
        Ok((statements, batches, lines.number))
    }

    const DUMP: &[u8] = b"SET x = 1;\nCOPY public.t (a, b) FROM stdin;\n1\tone\n2\t\\\\.\n\
        3\tthree\n\\.\nCOPY public.e (a) FROM stdin;\n\\.\nSELECT 1;\n";

    #[test]
    fn copy_rows_are_found_wherever_the_blocks_are_cut() {
        let (statements, batches, lines) = parse(lines_of(DUMP, &[]), usize::MAX).unwrap();
        assert_eq!(
            statements,
            [
                "SET x = 1;\n",
                "COPY public.t (a, b) FROM stdin;\n",
                "COPY public.e (a) FROM stdin;\n",
                "SELECT 1;\n"
            ]
        );
        assert_eq!(
            batches,
            [b"1\tone\n2\t\\\\.\n3\tthree\n".to_vec(), Vec::new()]
        );
        assert_eq!(lines, 9);
        for cut in 1..DUMP.len() {
            for second in cut + 1..DUMP.len() {
                let parsed = parse(lines_of(DUMP, &[cut, second]), usize::MAX).unwrap();
                assert_eq!(
                    parsed,
                    (statements.clone(), batches.clone(), lines),
                    "{cut} {second}"
                );
            }
        }
        let every_byte: Vec<usize> = (1..DUMP.len()).collect();
        let parsed = parse(lines_of(DUMP, &every_byte), usize::MAX).unwrap();
        assert_eq!(parsed, (statements, batches, lines));
    }

    #[test]
    fn copy_rows_come_in_whole_lines_of_at_least_the_size_asked() {
        let rows: Vec<u8> = (0..5000)
            .flat_map(|i| format!("{i}\trow {i}\n").into_bytes())
            .collect();
        let mut dump = b"COPY public.t (a, b) FROM stdin;\n".to_vec();
        dump.extend_from_slice(&rows);
        dump.extend_from_slice(b"\\.\n");
        let cuts: Vec<usize> = (1..dump.len()).step_by(997).collect();
        let (_, batches, lines) = parse(lines_of(&dump, &cuts), 4096).unwrap();
        assert!(batches.len() > 5);
        assert!(batches[..batches.len() - 1].iter().all(|b| b.len() >= 4096));
        assert_eq!(batches.concat(), rows);
        assert_eq!(lines, 5002);
    }

    #[test]
    fn a_dump_cut_inside_copy_rows_is_refused() {
        let dump = b"COPY public.t (a) FROM stdin;\n1\n2\n";
        assert!(parse(lines_of(dump, &[]), usize::MAX).is_err());
        // The end marker may lack its newline at the very end.
        let dump = b"COPY public.t (a) FROM stdin;\n1\n\\.";
        let (_, batches, _) = parse(lines_of(dump, &[31]), usize::MAX).unwrap();
        assert_eq!(batches, [b"1\n".to_vec()]);
    }

    #[test]
    fn index_builds_count_their_key_columns() {
        let idx = "CREATE INDEX i ON public.t USING btree (a, b);";
        assert_eq!(key_columns(idx), 2);
        assert_eq!(
            key_columns("CREATE INDEX i ON t USING btree (lower(a)) INCLUDE (b, c);"),
            1
        );
        assert_eq!(
            key_columns("CREATE INDEX i ON t USING btree (\"a,b\", (a || ','));"),
            2
        );
        assert_eq!(
            key_columns("ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);"),
            1
        );
    }

    #[test]
    fn the_index_builds_of_a_dump_are_listed_per_table_as_the_dispatcher_joins_them() {
        let dump = "\\restrict abc
SET default_tablespace = '';
CREATE FUNCTION public.f() RETURNS void LANGUAGE sql AS $$
CREATE INDEX not_one ON public.t USING btree (a);
$$;
-- Name: t t_pkey; Type: CONSTRAINT
ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_pkey PRIMARY KEY (id);
CREATE INDEX t_a ON public.t USING btree (a);
SET default_tablespace = fast;
CREATE INDEX t_b ON public.t USING btree (b);
SET default_tablespace = '';
CREATE UNIQUE INDEX \"U i\" ON public.\"Odd\" USING btree (a);
ALTER TABLE ONLY public.u
    ADD CONSTRAINT u_fk FOREIGN KEY (t) REFERENCES public.t(id);
";
        let mut seen = DumpStatements::default();
        let statements: Vec<String> = dump.lines().filter_map(|l| seen.line(l)).collect();
        assert_eq!(statements.len(), 9, "{statements:#?}");
        assert!(statements[1].starts_with("CREATE FUNCTION") && statements[1].ends_with("$$;"));
        // `t` has a build in a tablespace of its own: none of its builds is listed (they all
        // run where the dump has them).
        assert_eq!(seen.builds.get("public.t"), None);
        assert_eq!(seen.builds.get("public.\"Odd\"").map(Vec::len), Some(1));
        assert_eq!(seen.builds.len(), 1, "{:?}", seen.builds);
        let mut listed = DumpStatements::default();
        for line in dump.lines().take_while(|l| !l.contains("= fast")) {
            listed.line(line);
        }
        assert_eq!(
            listed.builds.get("public.t").unwrap(),
            &vec![
                "ALTER TABLE ONLY public.t\n    ADD CONSTRAINT t_pkey PRIMARY KEY (id);"
                    .to_string(),
                "CREATE INDEX t_a ON public.t USING btree (a);".to_string(),
            ]
        );
        // The dispatcher joins the same lines (with their newlines) into the same statements.
        let mut scanner = Scanner::default();
        let mut joined = Vec::new();
        for line in dump.lines() {
            let trimmed = line.trim();
            if scanner.is_empty()
                && (trimmed.is_empty() || trimmed.starts_with("--") || trimmed.starts_with('\\'))
            {
                continue;
            }
            if scanner.push(&format!("{line}\n"), 0) {
                joined.push(scanner.take().0);
            }
        }
        assert_eq!(joined, statements);
        // A line too long to keep: nothing is listed, and nothing more is known.
        seen.lose();
        assert!(seen.builds.is_empty() && seen.lost());
        assert_eq!(
            seen.line("CREATE INDEX x ON public.t USING btree (a);"),
            None
        );
    }
}
