//! Pathological Markdown (reliability.md T19) and highlighter stress (T21): every input
//! completes (a watchdog, not a timing assertion), nothing overflows a stack, and each page is
//! either published safely or refused with a position, with PDFs on: the PDF writer and typst
//! nest where the HTML writer does not.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::built_minimal;
use crate::markup::assert_published;
use crate::support::{Fixture, Run};

/// A build that has not finished after this long hangs (the whole set takes seconds).
const WATCHDOG: Duration = Duration::from_secs(600);

/// `site.build(args)`, killed and failed if it has not finished after [`WATCHDOG`].
fn build_guarded(site: &Fixture, args: &[&str]) -> Run {
    let root = site.root.to_str().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_innotrain"))
        .args(["build", "--root", root])
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run innotrain");
    // The pipes are read while the build runs, so that a full pipe cannot stall it.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || std::io::read_to_string(&mut stdout).unwrap_or_default());
    let err = std::thread::spawn(move || std::io::read_to_string(&mut stderr).unwrap_or_default());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > WATCHDOG {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("the build hangs: killed after {WATCHDOG:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let clean = |text: String| text.replace(root, "[ROOT]");
    Run { code: status.code().unwrap_or(-1), stdout: clean(out.join().unwrap()), stderr: clean(err.join().unwrap()) }
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n---\n{body}\n")
}

/// The T19 inputs that nest too deeply for a PDF: refused at the first level past the limit
/// (12), with PDFs on, and the previous output kept. A chain of 100 000 footnotes, each citing
/// the next, overflowed the PDF writer's stack before the limit existed.
#[test]
fn t19_deep_nesting_is_refused_at_the_level_past_the_limit() {
    let site = built_minimal(true);
    let write = |name: &str, body: String| site.site.write(&format!("content/io1-basics/{name}"), &page(name, &body));
    write("02-bullets.md", "* ".repeat(80_000) + "a");
    write("03-nested-list.md", "- ".repeat(10_000) + "a");
    write("04-nested-quote.md", "> ".repeat(10_000) + "deep");
    write("05-stars.md", "*".repeat(100_000) + "a" + &"*".repeat(100_000));
    // 80 000 footnotes stay under the 2 MB page limit.
    let chain: String = (0..80_000).map(|i| format!("[^{i}]: N[^{}]\n\n", i + 1)).collect();
    write("06-footnotes.md", format!("Start[^0].\n\n{chain}[^80000]: Last."));
    let run = build_guarded(&site.site, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    crate::common::assert_no_crash(&run);
    assert!(crate::support::tree(&site.site.out()) == site.before, "the previous output changed");
    insta::assert_snapshot!(run.stderr);
}

/// The other T19 inputs and the T21 highlighter stress, with PDFs: published, the text still
/// there. The 1 MB JSON line is shown plain in the page and the PDF (typst took minutes to
/// highlight it); the unknown language is a warning at its fence.
#[test]
fn t19_t21_pathological_text_and_code_are_published() {
    let site = built_minimal(true);
    let write = |name: &str, body: String| site.site.write(&format!("content/io1-basics/{name}"), &page(name, &body));
    write("02-brackets.md", "[ (](".repeat(40_000));
    write("03-star-under.md", "[*_a".repeat(100_000));
    write("04-a-stars.md", "a***".repeat(80_000));
    let url = format!("https://example.org/{}", "u".repeat(10_000));
    write("05-references.md", format!("[x]: <{url}>\n{}", "[x]\n".repeat(10_000)));
    // One line just under the 2 MB page limit (a 5 MB line is refused by it: `limits.rs`).
    write("06-long-line.md", "word ".repeat(390_000));
    let make = "FOO:=$($(BLARG_BUILD_MAKEFILE_PATH) $(BLARG_BUILD_MAKEFILE_PATH))\n".repeat(3)
        + "$(eval $(call X,$(shell echo $(Y))))\n";
    let json: String = format!(
        "{{{}\"end\": 0}}",
        (0..20_000)
            .map(|i| format!("\"k{i}\": [\"vvvvvvvvvvvvvvvvvvvv\", {i}, {{\"n\": null}}], "))
            .collect::<String>()
    );
    assert!(json.len() > 1_000_000);
    write(
        "07-code.md",
        format!("```make\n{make}```\n\n```json\n{json}\n```\n\nA typo:\n\n```pyhton\nprint('x')\n```\n"),
    );
    let run = build_guarded(&site.site, &[]);
    assert_published(&site, &run);
    insta::assert_snapshot!(run.stderr);
    let read = |slug: &str| site.site.read(&format!("1.0/en/io1-basics/{slug}/index.html"));
    assert!(read("brackets").contains("[ (]([ (]("), "the brackets stay text");
    assert!(read("long-line").contains(&"word ".repeat(1000)), "the long line is there");
    let code = read("code");
    assert!(code.contains("<pre class=\"code\" data-lang=\"json\" tabindex=\"0\"><code>{&quot;k0&quot;"), "plain JSON");
    assert!(code.contains("<pre class=\"code\" data-lang=\"pyhton\" tabindex=\"0\"><code>print(&#39;x&#39;)"));
    assert!(code.contains("<span class=\"hl-"), "the make block is highlighted");
    let pdf = site.site.out().join("1.0/en/io1-basics/code/minimal-io1-basics-code-en-1.0.pdf");
    assert!(pdf.exists(), "the code module has its PDF");
}
