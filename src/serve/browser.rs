//! `innotrain serve --open`: the reader's browser, as `$BROWSER` names it, else the system's
//! opener (`xdg-open`, `open` on macOS).
//!
//! `$BROWSER` follows the convention of `xdg-open`, `sensible-browser` and Python's
//! `webbrowser`: commands separated like `PATH` (`:`, `;` on Windows), tried in order until one
//! starts; each is split at spaces (no shell), and its `%s` is replaced by the address, or the
//! address is added as the last argument.

use std::ffi::OsString;
use std::process::{Command, Stdio};

/// Starts a browser on `url`, without waiting for it; an error when no command could start.
pub fn open(url: &str) -> std::io::Result<()> {
    let configured = std::env::var_os("BROWSER").filter(|value| !value.is_empty());
    let commands: Vec<Vec<String>> = match configured {
        Some(value) => commands(&value, url),
        None => vec![vec![if cfg!(target_os = "macos") { "open" } else { "xdg-open" }.to_string(), url.to_string()]],
    };
    let mut last = std::io::Error::new(std::io::ErrorKind::NotFound, "$BROWSER names no command");
    for command in commands {
        let (program, args) = command.split_first().expect("commands are not empty");
        match Command::new(program).args(args).stdin(Stdio::null()).spawn() {
            Ok(mut child) => {
                // Reaped when it ends, so that no finished browser process lingers.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(error) => last = error,
        }
    }
    Err(last)
}

/// The commands of a `$BROWSER` value, each with `url` in place.
fn commands(value: &OsString, url: &str) -> Vec<Vec<String>> {
    std::env::split_paths(value)
        .filter_map(|entry| {
            let entry = entry.to_string_lossy().into_owned();
            let mut words: Vec<String> = entry.split_whitespace().map(str::to_string).collect();
            if words.is_empty() {
                return None;
            }
            if words.iter().any(|word| word.contains("%s")) {
                words.iter_mut().for_each(|word| *word = word.replace("%s", url));
            } else {
                words.push(url.to_string());
            }
            Some(words)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_variable_puts_the_address_in_place() {
        let url = "http://127.0.0.1:8000/";
        let separator = if cfg!(windows) { ";" } else { ":" };
        let value = OsString::from(format!("firefox --new-tab %s{separator}{separator}lynx"));
        assert_eq!(
            commands(&value, url),
            [vec!["firefox", "--new-tab", url], vec!["lynx", url]]
                .map(|c| c.into_iter().map(str::to_string).collect::<Vec<_>>())
        );
    }
}
