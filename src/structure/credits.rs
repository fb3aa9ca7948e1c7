//! The people a page credits: bylines ("By Jane Doe, Associated Press", "Posted on ... by X",
//! a name alone under the headline) and credit lines ("Reporting by X; Editing by Y", "(Photo:
//! X/Xinhua)", "Associated Press writer X in Y contributed to this report.", "Editor: X").

use crate::Span;

/// What a credited person did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Byline,
    Reporting,
    AdditionalReporting,
    Writing,
    Editing,
    Photo,
    Contributing,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Byline => "byline",
            Role::Reporting => "reporting",
            Role::AdditionalReporting => "additional reporting",
            Role::Writing => "writing",
            Role::Editing => "editing",
            Role::Photo => "photo",
            Role::Contributing => "contributing",
        }
    }
}

/// A credited person: the name's span in its line, and the role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Credit {
    pub name: Span,
    pub role: Role,
}

/// Phrases that open a credit, lower case, with the role they give.
const ROLE_PHRASES: &[(&str, Role)] = &[
    ("additional reporting by ", Role::AdditionalReporting),
    ("reporting by ", Role::Reporting),
    ("reported by ", Role::Reporting),
    ("writing by ", Role::Writing),
    ("written by ", Role::Writing),
    ("compiled by ", Role::Writing),
    ("editing by ", Role::Editing),
    ("edited by ", Role::Editing),
    ("editor: ", Role::Editing),
    ("photo by ", Role::Photo),
    ("photo: ", Role::Photo),
    ("photos by ", Role::Photo),
    ("photos: ", Role::Photo),
    ("by ", Role::Byline),
];

/// The byline in a header `line`: "By A and B, Agency", "Published ... | By A", "Posted on ...
/// by A". Offsets are into `line`.
pub fn byline_names(line: &str) -> Vec<Credit> {
    let lower = line.to_ascii_lowercase();
    let at = if lower.starts_with("by ") {
        Some(3)
    } else if lower.starts_with("by: ") {
        Some(4)
    } else {
        // After a bar, or the last " by " of a publication line.
        lower.find("| by ").map(|i| i + 5).or_else(|| {
            is_stamp(&lower)
                .then(|| lower.rfind(" by ").map(|i| i + 4))
                .flatten()
        })
    };
    let Some(at) = at else { return Vec::new() };
    let end = line[at..]
        .find([',', '|', ';', '('])
        .map_or(line.len(), |i| at + i);
    names_in(line, at, end, Role::Byline)
}

/// A name alone on a header line, perhaps with where the writer is: "Rosalind Pryce", "Abdi
/// Farah Warsame in Nairobi", "Jane Doe, BBC News, Lagos".
pub fn name_line(line: &str) -> Vec<Credit> {
    if line.split_whitespace().count() > 8 {
        return Vec::new();
    }
    let end = line
        .find([',', '|'])
        .or_else(|| line.find(" in "))
        .unwrap_or(line.len());
    let names = names_in(line, 0, end, Role::Byline);
    let whole = names.len() == 1 && names[0].name.end == line[..end].trim_end().len();
    let words = line[..end].split_whitespace().count();
    if whole && (2..=4).contains(&words) {
        names
    } else {
        Vec::new()
    }
}

fn is_stamp(lower: &str) -> bool {
    ["posted", "published", "updated"]
        .iter()
        .any(|lead| lower.starts_with(lead))
}

/// The credits in `line`, which is not in the header.
pub fn credit_names(line: &str) -> Vec<Credit> {
    if !may_credit(line) {
        return Vec::new();
    }
    let lower = line.to_ascii_lowercase();
    let mut credits = Vec::new();
    // "Reporting by X; Additional reporting by Y in Z; Editing by W"
    let opens_with_role = ROLE_PHRASES
        .iter()
        .filter(|(_, role)| !matches!(role, Role::Byline | Role::Photo))
        .any(|(phrase, _)| lower.starts_with(phrase));
    if opens_with_role {
        let mut from = 0;
        for part in line.split(';') {
            let part_lower = &lower[from..from + part.len()];
            let lead = part.len() - part.trim_start().len();
            if let Some((phrase, role)) = ROLE_PHRASES
                .iter()
                .find(|(phrase, _)| part_lower[lead..].starts_with(phrase))
            {
                let at = from + lead + phrase.len();
                let end = from + part.len();
                credits.extend(names_in(line, at, end, *role));
            }
            from += part.len() + 1;
        }
        return credits;
    }
    // "(Photo: X/Xinhua)", "(Photo by X / AFP)"
    for (phrase, role) in [("(photo: ", Role::Photo), ("(photo by ", Role::Photo)] {
        if let Some(i) = lower.find(phrase) {
            let at = i + phrase.len();
            let end = line[at..].find(['/', ')']).map_or(line.len(), |n| at + n);
            credits.extend(names_in(line, at, end, role));
        }
    }
    // "Source: Xinhua| 2024-09-12 21:30:00|Editor: Liang Wen"
    if let Some(i) = lower
        .find("|editor: ")
        .or_else(|| lower.starts_with("editor: ").then_some(0))
    {
        let at = i + if i == 0 { 8 } else { 9 };
        let end = line[at..].find('|').map_or(line.len(), |n| at + n);
        credits.extend(names_in(line, at, end, Role::Editing));
    }
    // "Associated Press writer X in Y contributed to this report."
    if lower.contains("contributed to this report") || lower.contains("contributed reporting") {
        let at = ["writers ", "writer ", "correspondent "]
            .iter()
            .find_map(|w| lower.find(w).map(|i| i + w.len()))
            .unwrap_or(0);
        let end = lower[at..]
            .find(" contributed")
            .map_or(line.len(), |n| at + n);
        credits.extend(names_in(line, at, end, Role::Contributing));
    }
    credits
}

/// Whether `line` may hold a credit at all, asked before it is lowered: it opens with a role's
/// first letter ("Reporting by", "Associated Press writer X contributed"), or has a bracket or
/// a bar in it ("(Photo: X)", "|Editor: X").
fn may_credit(line: &str) -> bool {
    let first = line.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    matches!(first, b'r' | b'a' | b'w' | b'c' | b'e' | b'p' | b'(')
        || line.bytes().any(|b| b == b'(' || b == b'|')
}

/// Lower-case words that may stand inside a name: "Ramon dela Paz", "Ludwig van der Berg".
const PARTICLES: &[&str] = &[
    "de", "da", "del", "dela", "della", "di", "van", "der", "den", "von", "bin", "binti", "al",
    "el", "la", "le", "du", "dos", "das", "ibn",
];

/// Names between `at` and `end` of `line`, joined by "and", "&" or commas; each name runs until
/// a word that is not capitalised (" in Abuja" ends it).
fn names_in(line: &str, at: usize, end: usize, role: Role) -> Vec<Credit> {
    /// The name being read: where it starts and ends, and how many words it has.
    struct Open {
        start: Option<usize>,
        end: usize,
        words: usize,
    }
    impl Open {
        /// Ends the name being read, keeping it if it is no longer than a name is.
        fn close(&mut self, role: Role, credits: &mut Vec<Credit>) {
            if let Some(start) = self.start.take() {
                if self.words <= 5 {
                    credits.push(Credit {
                        name: Span::new(start, self.end),
                        role,
                    });
                }
            }
            self.words = 0;
        }
    }
    let mut credits = Vec::new();
    let mut open = Open {
        start: None,
        end: 0,
        words: 0,
    };
    let mut closed = false;
    let mut i = at;
    let bytes = line.as_bytes();
    while i < end && !closed {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let word_end = line[i..end]
            .find(|c: char| c.is_whitespace() || c == ',' || c == '&')
            .map_or(end, |n| i + n);
        let word = &line[i..word_end];
        let capitalised = word.starts_with(|c: char| c.is_uppercase())
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        let separator = word == "and" || word.is_empty() || word == "&";
        let particle = PARTICLES.contains(&word) && open.start.is_some();
        if capitalised {
            open.start.get_or_insert(i);
            open.end = word_end;
            open.words += 1;
        } else if !particle {
            // A particle stays only if a capitalised word follows it ("Ana de la Cruz").
            open.close(role, &mut credits);
            // A name list goes on after "and", "&" or a comma; anything else ends it.
            closed = !separator;
        }
        let next = if word_end < end && matches!(bytes[word_end], b',' | b'&') {
            open.close(role, &mut credits);
            word_end + 1
        } else {
            word_end
        };
        // Past at least one character: a space outside ASCII ends no word of its own.
        let one_char = line[i..].chars().next().map_or(1, char::len_utf8);
        i = next.max(i + one_char);
    }
    if !closed {
        open.close(role, &mut credits);
    }
    credits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str, credits: &[Credit]) -> Vec<(String, &'static str)> {
        credits
            .iter()
            .map(|c| (line[c.name.range()].to_string(), c.role.label()))
            .collect()
    }

    fn names<'l>(line: &'l str, credits: &[Credit]) -> Vec<&'l str> {
        credits.iter().map(|c| &line[c.name.range()]).collect()
    }

    #[test]
    fn bylines() {
        for (line, expected) in [
            (
                "By WAMBUI NDEGE and PETER HALVORSEN",
                vec!["WAMBUI NDEGE", "PETER HALVORSEN"],
            ),
            (
                "By Marisol Quintero, Associated Press",
                vec!["Marisol Quintero"],
            ),
            (
                "By Wanjiku Gathoni, BBC Africa correspondent",
                vec!["Wanjiku Gathoni"],
            ),
            (
                "By KEVIN OTIENO | Published 12/06/2025",
                vec!["KEVIN OTIENO"],
            ),
            (
                "Published April 14, 2025 | By Dana Whitcomb",
                vec!["Dana Whitcomb"],
            ),
            (
                "Posted on March 12, 2025 by Tendai Moyo",
                vec!["Tendai Moyo"],
            ),
            ("By RAMON DELA PAZ", vec!["RAMON DELA PAZ"]),
            ("by: Megan Tollefson", vec!["Megan Tollefson"]),
            ("By Ana de la Cruz", vec!["Ana de la Cruz"]),
            ("Byzantine art returns", vec![]),
            ("By the end of the year", vec![]),
        ] {
            assert_eq!(names(line, &byline_names(line)), expected, "{line:?}");
        }
    }

    #[test]
    fn names_alone_under_a_headline() {
        for (line, expected) in [
            ("Rosalind Pryce", vec!["Rosalind Pryce"]),
            ("Abdi Farah Warsame in Nairobi", vec!["Abdi Farah Warsame"]),
            ("Jane Doe, BBC News, Lagos", vec!["Jane Doe"]),
            ("Share", vec![]),
            ("Global development", vec![]),
            ("Campaigners say closures will hit children", vec![]),
        ] {
            assert_eq!(names(line, &name_line(line)), expected, "{line:?}");
        }
    }

    #[test]
    fn credit_lines() {
        let line = "Reporting by Tolu Adebanjo; Additional reporting by Musa Garba in Abuja; Editing by Helen Marsh";
        assert_eq!(
            texts(line, &credit_names(line)),
            [
                ("Tolu Adebanjo".into(), "reporting"),
                ("Musa Garba".into(), "additional reporting"),
                ("Helen Marsh".into(), "editing")
            ]
        );
        for (line, name, role) in [
            ("(Photo: Rao Aimin/Xinhua)", "Rao Aimin", "photo"),
            ("(Photo by Aliou Mbengue / AFP)", "Aliou Mbengue", "photo"),
            ("Source: Xinhua| 2024-09-12 21:30:00|Editor: Liang Wen", "Liang Wen", "editing"),
            ("Associated Press writer Faith Chebet in Garissa, Kenya, contributed to this report.", "Faith Chebet", "contributing"),
            ("Writing by Oleg Varnavsky; Editing by Jan Harvey", "Oleg Varnavsky", "writing"),
        ] {
            let found = credit_names(line);
            assert_eq!(texts(line, &found[..1]), [(name.to_string(), role)], "{line:?}");
        }
        for line in [
            "Reporting was hampered by floods in Garissa.",
            "The photo showed the minister.",
            "Comments by the minister on Monday.",
        ] {
            assert_eq!(credit_names(line), [], "{line:?}");
        }
    }
}
