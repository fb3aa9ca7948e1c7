//! The JavaScript binding: `analyse(text, options)` returns the same JSON object the CLI prints.
//! Thin on purpose; everything else lives in the pure Rust core.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    // A panic shows its message in the console instead of "unreachable executed".
    console_error_panic_hook::set_once();
}

/// Analyses `text`. `options` may be `undefined` or `{ referenceDate?: "YYYY-MM-DD", today?: "YYYY-MM-DD" }`;
/// a malformed date throws an `Error` that says what to write instead.
#[wasm_bindgen]
pub fn analyse(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(&options)?;
    let analysis = crate::analyse(text, &options);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    analysis
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

fn parse_options(options: &JsValue) -> Result<crate::Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(crate::Options::default());
    }
    if !options.is_object() {
        return Err(JsError::new(
            "options must be an object like { referenceDate: \"2023-05-19\" }",
        ));
    }
    let field = |name: &str| -> Result<Option<String>, JsError> {
        let value = js_sys::Reflect::get(options, &JsValue::from_str(name))
            .map_err(|_| JsError::new("options could not be read"))?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value.as_string().map(Some).ok_or_else(|| {
            JsError::new(&format!(
                "options.{name} must be a string written YYYY-MM-DD"
            ))
        })
    };
    crate::Options::parse(
        field("referenceDate")?.as_deref(),
        field("today")?.as_deref(),
    )
    .map_err(|e| JsError::new(&e.to_string()))
}
