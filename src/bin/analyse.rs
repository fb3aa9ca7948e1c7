//! `analyse [--reference-date YYYY-MM-DD] [--today YYYY-MM-DD] [--tagger MODEL | --rules-only] FILE|-`:
//! prints the analysis as JSON. Names come from the shipped tagger, or from another model
//! (`scripts/train-tagger.mjs --out`), or from the hand-written rules alone.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: analyse [--reference-date YYYY-MM-DD] [--today YYYY-MM-DD] [--tagger MODEL | --rules-only] FILE  (FILE - reads standard input)";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(json) => {
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{json}") {
                // `analyse big.txt | head`: the reader has all it wanted.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("analyse: cannot write the analysis: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(message) => {
            eprintln!("analyse: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut reference_date = None;
    let mut today = None;
    let mut file = None;
    let mut tagger = None;
    let mut rules_only = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reference-date" => reference_date = Some(args.next().ok_or(USAGE)?),
            "--today" => today = Some(args.next().ok_or(USAGE)?),
            "--tagger" => tagger = Some(args.next().ok_or(USAGE)?),
            "--rules-only" => rules_only = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if file.is_none() => file = Some(arg),
            _ => return Err(USAGE.to_string()),
        }
    }
    let file = file.ok_or(USAGE)?;
    let today = today.unwrap_or_else(system_today);
    let options = dateline::Options::parse(reference_date.as_deref(), Some(&today))
        .map_err(|e| e.to_string())?;
    let text = read(&file)?;
    let analysis = match tagger {
        Some(path) => dateline::analyse_with_tagger(&text, &options, &load_tagger(&path)?),
        None if rules_only => dateline::analyse_with_rules_only(&text, &options),
        None => dateline::analyse(&text, &options),
    };
    serde_json::to_string_pretty(&analysis).map_err(|e| e.to_string())
}

fn load_tagger(path: &str) -> Result<dateline::Model, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    dateline::Model::parse(&bytes).ok_or(format!(
        "{path} is not a tagger model; make one with node scripts/train-tagger.mjs"
    ))
}

fn read(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(file).map(|b| bytes = b)
    };
    result.map_err(|e| format!("cannot read {file}: {e}"))?;
    Ok(decode(&bytes))
}

/// The text of a file: UTF-16 when it starts with a byte-order mark (as Windows editors save
/// it), else UTF-8, a mark included: offsets count it, as in the string JavaScript reads from
/// the same file, and the analysis reads past it. Pasted text is sometimes mis-encoded: what
/// does not decode is replaced rather than refused.
fn decode(bytes: &[u8]) -> String {
    let utf16 = |unit: fn([u8; 2]) -> u16| {
        let units = bytes[2..].chunks_exact(2).map(|p| unit([p[0], p[1]]));
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(u16::from_le_bytes),
        [0xFE, 0xFF, ..] => utf16(u16::from_be_bytes),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Today's UTC date from the system clock.
fn system_today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    dateline::Date::from_days_since_epoch((seconds / 86_400) as i64).to_string()
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn files_decode_by_their_byte_order_mark() {
        let text = "Xi met Li in Astana.";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect();
        for bytes in [le, be, text.as_bytes().to_vec()] {
            assert_eq!(decode(&bytes), text);
        }
        assert_eq!(decode(&bom), format!("\u{feff}{text}"));
        assert_eq!(decode(b"caf\xe9"), "caf\u{fffd}");
    }
}
