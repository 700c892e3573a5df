//! Faults (issue 19, part 3; reliability.md T22): builds killed at any moment, a full disk, an
//! output folder that is a file system of its own, and two builds into one output at once. In
//! every case the output folder holds a whole site (the previous one or the new one) and the
//! next build recovers.

use std::collections::BTreeMap;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::assert_no_staging_left;
use crate::support::{Fixture, tree};

type Tree = BTreeMap<String, Vec<u8>>;

/// The text of the first module, in two variants: a build of one replaces a site of the other.
fn write_variant(site: &Fixture, variant: char) {
    site.write(
        "content/io1-quality/01-intro.md",
        &format!("---\ntitle: Introduction {variant}\n---\nVariant {variant} of the introduction.\n"),
    );
}

/// `innotrain build` in a process group of its own (the build runs in a child process).
fn spawn_build(site: &Fixture) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_innotrain"))
        .args(["build", "--root", site.root.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("start innotrain")
}

/// Kills the whole process group of `child` at once, as a CI runner's timeout or `kill -9`
/// of a process group does.
fn kill_group(child: &mut std::process::Child) {
    // SAFETY: kill(2) with a negative pid signals the group; no memory is involved.
    unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
    let _ = child.wait();
}

/// The PDFs are typeset again by every build (no cache), so kills also land in typesetting.
fn forget_pdf_cache(site: &Fixture) {
    let _ = std::fs::remove_dir_all(site.root.join(".innotrain-cache"));
}

#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_build_recovers() {
    let site = Fixture::new("multilingual");
    let mut sites: BTreeMap<char, Tree> = BTreeMap::new();
    let mut longest = Duration::ZERO;
    for variant in ['B', 'A'] {
        write_variant(&site, variant);
        forget_pdf_cache(&site);
        let started = Instant::now();
        let run = site.build(&[]);
        longest = longest.max(started.elapsed());
        assert_eq!(run.code, 0, "{}", run.stderr);
        sites.insert(variant, tree(&site.out()));
    }
    assert!(sites[&'A'].keys().any(|path| path.ends_with(".pdf")), "the builds typeset PDFs");
    assert_ne!(sites[&'A'], sites[&'B']);

    // Kill moments from the start of a build to past its end, so that kills land while
    // loading, rendering, typesetting and swapping; the last ones long after (a loaded CI
    // machine may take several times longer than the builds above).
    let kills = 40;
    let moments = (0..kills)
        .map(|kill| longest.mul_f64(1.5) * kill / kills)
        .chain([3.0, 6.0, 12.0].map(|times| longest.mul_f64(times)));
    let mut shown = 'A';
    let mut outcomes = BTreeMap::from([("killed before the swap", 0), ("finished", 0)]);
    for (kill, moment) in moments.enumerate() {
        let next = if shown == 'A' { 'B' } else { 'A' };
        write_variant(&site, next);
        forget_pdf_cache(&site);
        let mut build = spawn_build(&site);
        std::thread::sleep(moment);
        kill_group(&mut build);
        let now = tree(&site.out());
        if now == sites[&next] {
            shown = next;
            *outcomes.get_mut("finished").unwrap() += 1;
        } else {
            assert!(now == sites[&shown], "kill {kill}: the output is neither the previous site nor the new one");
            *outcomes.get_mut("killed before the swap").unwrap() += 1;
        }
    }
    assert!(outcomes.values().all(|&n| n > 0), "the kills did not span the build: {outcomes:?}");

    // The next build clears what the killed ones left and writes the site.
    let next = if shown == 'A' { 'B' } else { 'A' };
    write_variant(&site, next);
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(tree(&site.out()) == sites[&next], "the build after the kills wrote another site");
    assert_no_staging_left(&site.root);
}

#[test]
fn a_second_build_into_the_same_output_waits_for_the_first() {
    let site = Fixture::new("minimal");
    assert_eq!(site.build(&["--no-pdf"]).code, 0);
    let before = tree(&site.out());

    // Hold the output's lock as a running build does, and start a build.
    let lock = std::fs::File::options().write(true).open(site.root.join(".public.lock")).expect("the lock file");
    lock.lock().unwrap();
    site.write("content/io1-basics/01-first-steps.md", "---\ntitle: First steps, again\n---\nNew text.\n");
    let mut waiting = Command::new(env!("CARGO_BIN_EXE_innotrain"))
        .args(["build", "--no-pdf", "--root", site.root.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = waiting.stderr.take().unwrap();
    let mut said = Vec::new();
    let said_waiting = loop {
        let mut byte = [0u8; 1];
        match std::io::Read::read(&mut stderr, &mut byte) {
            Ok(1) => said.push(byte[0]),
            _ => break false,
        }
        if said.ends_with("…\n".as_bytes()) {
            break true;
        }
    };
    assert!(said_waiting, "the build did not say it waits: {}", String::from_utf8_lossy(&said));
    assert!(String::from_utf8_lossy(&said).contains("waiting for another build that writes to `"), "{said:?}");
    std::thread::sleep(Duration::from_millis(300));
    assert!(waiting.try_wait().unwrap().is_none(), "the build did not wait for the lock");
    assert!(tree(&site.out()) == before, "the waiting build wrote into the output");
    lock.unlock().unwrap();
    let status = waiting.wait().unwrap();
    assert!(status.success());
    assert!(site.read("1.0/en/io1-basics/first-steps/index.html").contains("New text."));

    // Four builds started together, two sources: each ends well, the output is one whole site.
    let mut sites = Vec::new();
    for text in ["One", "Two"] {
        site.write("content/io1-basics/01-first-steps.md", &format!("---\ntitle: {text}\n---\n{text}.\n"));
        assert_eq!(site.build(&["--no-pdf"]).code, 0);
        sites.push(tree(&site.out()));
    }
    let builds: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_innotrain"))
                .args(["build", "--no-pdf", "--root", site.root.to_str().unwrap()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut build in builds {
        assert!(build.wait().unwrap().success());
    }
    let now = tree(&site.out());
    assert!(sites.contains(&now), "concurrent builds mixed two sites");
    assert_no_staging_left(&site.root);
}

/// Runs `script` as root of a mount namespace of its own (so it may mount a small tmpfs
/// without touching the machine's mounts), with `$1` the innotrain program.
fn in_own_mount_namespace(script: &str, dir: &Path) -> std::process::Output {
    Command::new("unshare")
        .args(["--map-root-user", "--mount", "sh", "-eu", "-c", script, "sh"])
        .arg(env!("CARGO_BIN_EXE_innotrain"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("unshare (util-linux) runs")
}

#[test]
fn a_full_disk_is_a_clear_error_and_the_old_site_stays() {
    let site = Fixture::new("minimal");
    let dir = site.root.parent().unwrap();
    // 2.5 MB of text, incompressible enough: words from a counter.
    let words: Vec<String> = (0..250_000u32).map(|n| format!("w{:x}", n.wrapping_mul(2_654_435_761))).collect();
    let script = r#"
        mkdir -p disk kept
        mount -t tmpfs -o size=3m tmpfs disk
        "$1" build --no-pdf --root site --out disk/public > kept/first.out 2>&1
        cp -a disk/public kept/before
        mv kept/big-1.md site/content/io1-basics/02-big.md
        mv kept/big-2.md site/content/io1-basics/03-bigger.md
        set +e
        "$1" build --no-pdf --root site --out disk/public > kept/second.out 2>&1
        echo $? > kept/second.code
        set -e
        cp -a disk/public kept/after
        ls -a disk > kept/listing
    "#;
    std::fs::create_dir_all(dir.join("kept")).unwrap();
    // Two pages of 1.25 MB each: under the page limit, together over the disk's free space.
    for (n, half) in words.chunks(words.len() / 2).enumerate() {
        let page = format!("---\ntitle: Big {n}\n---\n{}\n", half.join(" "));
        std::fs::write(dir.join(format!("kept/big-{}.md", n + 1)), page).unwrap();
    }
    let run = in_own_mount_namespace(script, dir);
    let read = |name: &str| std::fs::read_to_string(dir.join("kept").join(name)).unwrap_or_default();
    assert!(run.status.success(), "{}\n{}", String::from_utf8_lossy(&run.stderr), read("first.out"));
    assert_eq!(read("second.code").trim(), "2", "{}", read("second.out"));
    let stderr = read("second.out");
    let error = stderr.lines().find(|line| line.starts_with("error: ")).unwrap_or_default();
    assert!(error.contains("the disk is full (the previous output was left as it was)"), "{stderr}");
    assert!(
        stderr.contains("hint: free some space on that disk, or build into a folder on another disk with `--out`"),
        "{stderr}"
    );
    assert!(tree(&dir.join("kept/after")) == tree(&dir.join("kept/before")), "the old site changed");
    assert_eq!(read("listing").lines().filter(|name| name.contains("staging")).count(), 0, "{}", read("listing"));
}

#[test]
fn an_output_folder_that_is_a_file_system_of_its_own_is_replaced_safely() {
    let site = Fixture::new("minimal");
    let dir = site.root.parent().unwrap();
    let script = r#"
        mkdir -p site/public kept
        mount -t tmpfs -o size=16m tmpfs site/public
        "$1" build --no-pdf --root site > kept/first.out 2>&1
        cp -a site/public kept/first
        printf -- '---\ntitle: Second\n---\nThe second page.\n' > site/content/io1-basics/02-second.md
        "$1" build --no-pdf --root site > kept/second.out 2>&1
        cp -a site/public kept/second
        printf -- '---\ntitle: [broken\n---\n' > site/content/io1-basics/03-broken.md
        set +e
        "$1" build --no-pdf --root site > kept/third.out 2>&1
        echo $? > kept/third.code
        set -e
        cp -a site/public kept/third
        ls -a site/public > kept/listing
    "#;
    let run = in_own_mount_namespace(script, dir);
    let read = |name: &str| std::fs::read_to_string(dir.join("kept").join(name)).unwrap_or_default();
    assert!(
        run.status.success(),
        "{}\n{}\n{}",
        String::from_utf8_lossy(&run.stderr),
        read("first.out"),
        read("second.out")
    );
    let second = tree(&dir.join("kept/second"));
    assert!(second.contains_key("1.0/en/io1-basics/second/index.html"), "{:?}", second.keys());
    // A clean build of the same sources into an ordinary folder gives the same site.
    let reference = site.build(&["--no-pdf", "--out", dir.join("reference").to_str().unwrap()]);
    assert_eq!(reference.code, 1, "the broken page is still there: {}", reference.stderr);
    std::fs::remove_file(site.root.join("content/io1-basics/03-broken.md")).unwrap();
    assert_eq!(site.build(&["--no-pdf", "--out", dir.join("reference").to_str().unwrap()]).code, 0);
    assert!(second == tree(&dir.join("reference")), "the swap inside the mount left another site");
    // A failed build leaves it as it was.
    assert_eq!(read("third.code").trim(), "1", "{}", read("third.out"));
    assert!(tree(&dir.join("kept/third")) == second, "the failed build changed the output");
    let listing = read("listing");
    let hidden: Vec<&str> = listing.lines().filter(|name| name.starts_with(".innotrain-")).collect();
    assert_eq!(hidden, vec![".innotrain-output"], "{}", read("listing"));
}
