//! The JavaScript binding, run as WebAssembly: under Node (`wasm-pack test --node`) and in headless
//! Chromium (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --chrome --headless`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use dateline::wasm::analyse;

const ARTICLE: &str = "BEIJING, May 20 (Xinhua) -- Chinese President Xi Jinping met Kyrgyz President Sadyr Japarov on Friday. Japarov said the railway will open in 2026.";

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (k, v) in pairs {
        Reflect::set(&object, &JsValue::from_str(k), &JsValue::from_str(v)).unwrap();
    }
    object.into()
}

#[wasm_bindgen_test]
fn returns_the_json_contract_as_plain_objects() {
    let result = analyse(
        &JsValue::from_str(ARTICLE),
        options(&[("today", "2023-06-01")]),
    )
    .unwrap();
    let reference = get(&result, "reference_date");
    assert_eq!(get(&reference, "value").as_string().unwrap(), "2023-05-20");
    assert_eq!(get(&reference, "source").as_string().unwrap(), "dateline");
    let mentions = Array::from(&get(&result, "mentions"));
    let xi = mentions
        .iter()
        .find(|m| get(m, "text").as_string().as_deref() == Some("Xi Jinping"))
        .expect("Xi Jinping");
    assert_eq!(get(&xi, "type").as_string().unwrap(), "PERSON");
    let start = get(&xi, "start").as_f64().unwrap() as u32;
    let end = get(&xi, "end").as_f64().unwrap() as u32;
    let js_text = js_sys::JsString::from(ARTICLE);
    assert_eq!(String::from(js_text.slice(start, end)), "Xi Jinping");
    let dates = Array::from(&get(&result, "dates"));
    assert!(dates
        .iter()
        .any(|d| get(&d, "value").as_string().as_deref() == Some("2023-05-19")));
    assert!(Array::from(&get(&result, "timeline")).length() >= 2);
}

#[wasm_bindgen_test]
fn a_user_date_overrides_the_dateline() {
    let result = analyse(
        &JsValue::from_str(ARTICLE),
        options(&[("referenceDate", "2024-01-10")]),
    )
    .unwrap();
    let reference = get(&result, "reference_date");
    assert_eq!(get(&reference, "source").as_string().unwrap(), "user");
    assert_eq!(get(&reference, "value").as_string().unwrap(), "2024-01-10");
}

#[wasm_bindgen_test]
fn bad_options_throw_errors_that_say_what_to_write() {
    let error = analyse(
        &JsValue::from_str(ARTICLE),
        options(&[("referenceDate", "20/05/2023")]),
    )
    .unwrap_err();
    let message = get(&JsValue::from(error), "message").as_string().unwrap();
    assert!(message.contains("YYYY-MM-DD"), "{message}");
    assert!(analyse(&JsValue::from_str(ARTICLE), JsValue::from_str("2023-05-20")).is_err());
    assert!(analyse(&JsValue::from_str(ARTICLE), JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn dates_in_options_read_as_the_native_options_do() {
    // Well-formed dates cross as numbers; the others are read as given: both agree with Rust's.
    for given in [
        "2024-01-10",
        "2024-02-29",
        "2023-02-29",
        "2023-13-01",
        " 2024-01-10 ",
        "",
        "2024-1-10",
        "\u{ff12}024-01-10",
        "0000-01-01",
    ] {
        let native = dateline::Options::parse(Some(given), None);
        let result = analyse(
            &JsValue::from_str(ARTICLE),
            options(&[("referenceDate", given)]),
        );
        match native {
            Ok(native) => {
                // Without a given date or today's, this article has none (its dateline has no year).
                let reference = get(&result.unwrap(), "reference_date");
                match native.reference_date {
                    Some(date) => {
                        assert_eq!(get(&reference, "source").as_string().unwrap(), "user");
                        let value = get(&reference, "value").as_string().unwrap();
                        assert_eq!(value, date.to_string(), "{given:?}");
                    }
                    None => assert!(reference.is_null(), "{given:?}"),
                }
            }
            Err(_) => assert!(result.is_err(), "{given:?}"),
        }
    }
}

#[wasm_bindgen_test]
fn odd_input_is_analysed_without_panicking() {
    let long = "Astana. ".repeat(20_000);
    for text in [
        "",
        "\u{0}",
        "😀😀😀",
        "<img src=x onerror=alert(1)>",
        long.as_str(),
    ] {
        let result = analyse(&JsValue::from_str(text), JsValue::UNDEFINED).unwrap();
        assert!(Array::is_array(&get(&result, "mentions")));
    }
}

#[wasm_bindgen_test]
fn the_objects_built_in_javascript_are_the_native_analysis() {
    // Non-ASCII text, aliases, a timeline, ignored chrome and a dateline: every field crosses.
    let text = "ASTANA, May 20 (Kazinform) -- 😀 President Sadyr Japarov met Kassym-Jomart Tokayev \
                in Ürümqi on Friday. Zaparov said the Shanghai Cooperation Organisation (SCO) will \
                meet in July; the SCO \"summit\" follows 31 years of talks.\nRelated:\nLeave a Reply";
    let options = dateline::Options::with_today("2023-06-01").unwrap();
    let native = serde_json::to_string(&dateline::analyse(text, &options)).unwrap();
    let built = analyse(
        &JsValue::from_str(text),
        self::options(&[("today", "2023-06-01")]),
    )
    .unwrap();
    let built = String::from(js_sys::JSON::stringify(&built).unwrap());
    assert_eq!(built, native);
}

#[wasm_bindgen_test]
fn text_that_is_no_string_is_an_error() {
    for value in [
        JsValue::UNDEFINED,
        JsValue::from_f64(1.0),
        js_sys::Object::new().into(),
    ] {
        let error = analyse(&value, JsValue::UNDEFINED).unwrap_err();
        let message = get(&JsValue::from(error), "message").as_string().unwrap();
        assert!(message.contains("must be a string"), "{message}");
    }
}

#[wasm_bindgen_test]
fn a_lone_surrogate_keeps_the_offsets_of_what_follows() {
    // JavaScript strings may hold half a surrogate pair; it reaches the core as U+FFFD, one
    // UTF-16 unit as before, so offsets after it still slice the caller's string.
    let text = js_sys::JsString::from("Talks in ")
        .concat(&js_sys::JsString::from_char_code1(0xD800))
        .concat(&JsValue::from_str(" Astana with Sadyr Japarov."));
    let result = analyse(&text, JsValue::UNDEFINED).unwrap();
    let mentions = Array::from(&get(&result, "mentions"));
    let japarov = mentions
        .iter()
        .find(|m| get(m, "text").as_string().as_deref() == Some("Sadyr Japarov"))
        .expect("Sadyr Japarov");
    let start = get(&japarov, "start").as_f64().unwrap() as u32;
    let end = get(&japarov, "end").as_f64().unwrap() as u32;
    assert_eq!(String::from(text.slice(start, end)), "Sadyr Japarov");
}

#[wasm_bindgen_test]
fn analyses_after_a_text_long_enough_to_release_the_kept_blocks_are_unchanged() {
    // Over 256 KB: the binding then gives the allocator's kept small blocks back (src/alloc.rs);
    // the analyses around it must see memory no different.
    let long = format!("{ARTICLE}\n\n").repeat(2_000);
    assert!(long.len() > 256 * 1024);
    let analysed = |text: &str| {
        let result = analyse(
            &JsValue::from_str(text),
            options(&[("today", "2023-06-01")]),
        );
        String::from(js_sys::JSON::stringify(&result.unwrap()).unwrap())
    };
    let before = analysed(ARTICLE);
    let mentions = Array::from(&get(
        &analyse(&JsValue::from_str(&long), JsValue::UNDEFINED).unwrap(),
        "mentions",
    ));
    assert!(mentions.length() >= 2 * 2_000);
    assert_eq!(analysed(ARTICLE), before);
}
