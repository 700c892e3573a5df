//! `innotrain serve`: a live preview of every version and language.
//!
//! The site is built into memory ([`crate::build_in_memory`]) and served from there on
//! 127.0.0.1 only (unless `--bind` says otherwise). A watcher rebuilds on every change to the
//! content, themes, strings or book.toml; open pages reload themselves through server-sent
//! events. When a change breaks the content, the last good build stays online and the open
//! pages show the diagnostics, in the CLI's words, until the content is fixed.

mod browser;
// Public for tests/fuzz, which fuzzes its request parsing.
pub mod http;

use std::collections::BTreeMap;
use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use anyhow::Context;
use notify::Watcher;

use crate::BuildOptions;
use crate::diag::{Diagnostic, Diagnostics};
use crate::key::Lang;
use crate::markdown::Prepared;
use crate::output::MemoryOutput;
use crate::render::{Downloads, PackageMode, PdfMode};
use http::Refusal;

pub use browser::open as open_browser;

/// Where the preview's own files live (never a content path: content slugs cannot start with `_`).
const LIVE_PREFIX: &str = "/__innotrain/";

/// The script injected into every served page (serve mode only).
const LIVE_SCRIPT: &str = include_str!("live.js");

/// What `innotrain serve` was asked to do.
pub struct ServeOptions {
    pub build: BuildOptions,
    pub port: u16,
    /// The address to listen on; loopback unless the user chose otherwise.
    pub bind: IpAddr,
}

/// The build being served, and the problems of the latest attempt.
struct State {
    files: BTreeMap<String, Vec<u8>>,
    /// The project the files were built from, for PDFs typeset on request.
    loaded: Option<Arc<crate::Loaded>>,
    /// Diagnostics of the latest build, in the CLI's words (errors mean the files are older).
    messages: Vec<String>,
    ok: bool,
    generation: u64,
    /// How many files the latest rebuild rendered (all of them, or only the changed pages').
    rendered: usize,
}

impl State {
    fn event(&self) -> String {
        let payload = serde_json::json!({
            "generation": self.generation,
            "ok": self.ok,
            "diagnostics": self.messages,
            "rendered": self.rendered,
        });
        format!("event: build\ndata: {payload}\n\n")
    }
}

struct Server {
    state: RwLock<State>,
    listeners: Mutex<Vec<Sender<String>>>,
    /// The typesetter, loaded when the first PDF is asked for.
    pdf: std::sync::OnceLock<Option<crate::pdf::PdfBuild>>,
    /// Serialises PDF typesetting (each PDF uses every core already).
    pdf_lock: Mutex<()>,
    build: BuildOptions,
}

/// Builds, listens, watches; returns only on a fatal error. `ready` gets the bound address.
pub fn serve(options: ServeOptions, ready: impl FnOnce(SocketAddr)) -> anyhow::Result<()> {
    let address = SocketAddr::new(options.bind, options.port);
    let listener = TcpListener::bind(address).map_err(|error| match error.kind() {
        std::io::ErrorKind::AddrInUse => anyhow::anyhow!(
            "port {} is already in use\n  hint: another preview may be running; choose another port, e.g. `--port {}`",
            options.port,
            options.port.wrapping_add(1).max(1024)
        ),
        _ => anyhow::Error::new(error).context(format!("cannot listen on {address}")),
    })?;
    let mut build = options.build;
    build.base_path = Some("/".into());
    build.base_url = Some(String::new());
    let server = Arc::new(Server {
        state: RwLock::new(State {
            files: BTreeMap::new(),
            loaded: None,
            messages: Vec::new(),
            ok: true,
            generation: 0,
            rendered: 0,
        }),
        listeners: Mutex::new(Vec::new()),
        pdf: std::sync::OnceLock::new(),
        pdf_lock: Mutex::new(()),
        build: build.clone(),
    });
    let mut previous = None;
    rebuild(&server, &build, &mut previous, false);
    ready(listener.local_addr()?);

    let (changes, changed) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reads (the build's own, an editor's) are not changes.
        if let Ok(event) = event
            && matches!(
                event.kind,
                notify::EventKind::Create(_) | notify::EventKind::Modify(_) | notify::EventKind::Remove(_)
            )
        {
            let _ = changes.send(event.paths);
        }
    })?;
    watcher.watch(&build.root, notify::RecursiveMode::Recursive).context("cannot watch the project folder")?;
    let watched = Arc::clone(&server);
    let root = build.root.clone();
    std::thread::spawn(move || watch(&watched, &build, &root, &changed, previous));

    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let server = Arc::clone(&server);
        std::thread::spawn(move || handle(&server, stream));
    }
    drop(watcher);
    Ok(())
}

/// Rebuilds after changes that concern the site; several changes in quick succession make one
/// rebuild.
fn watch(
    server: &Server,
    build: &BuildOptions,
    root: &Path,
    changed: &Receiver<Vec<std::path::PathBuf>>,
    mut previous: Option<Previous>,
) {
    while let Ok(paths) = changed.recv() {
        let mut all = paths;
        while let Ok(paths) = changed.recv_timeout(Duration::from_millis(40)) {
            all.extend(paths);
        }
        let relevant: Vec<_> = all.iter().filter(|p| concerns_site(root, p)).collect();
        if relevant.is_empty() {
            continue;
        }
        // Only Markdown texts changed: the unchanged pages can stay as they are.
        let content_root = root.join("content");
        let texts_only =
            relevant.iter().all(|p| p.starts_with(&content_root) && p.extension().is_some_and(|e| e == "md"));
        rebuild(server, build, &mut previous, texts_only);
    }
}

/// Content, strings, theme, book.toml and snapshot folders count; the output, build
/// artefacts, git's own files and editors' hidden files do not.
fn concerns_site(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else { return false };
    let mut parts = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned());
    let Some(first) = parts.next() else { return false };
    let hidden = relative.components().any(|c| {
        let name = c.as_os_str().to_string_lossy();
        name.starts_with('.') || crate::source::is_editor_leftover(&name)
    });
    !hidden && !matches!(first.as_str(), "target" | "public" | "node_modules")
}

/// What the previous successful build left for an incremental one.
struct Previous {
    loaded: Arc<crate::Loaded>,
    prepared: BTreeMap<(usize, Lang), Prepared>,
    files: BTreeMap<String, Vec<u8>>,
    /// Diagnostics of rendering (not of loading, which is redone every time).
    render_diagnostics: Vec<Diagnostic>,
}

/// Builds into memory; on success the new files replace the served ones, otherwise the
/// previous ones stay and the diagnostics are shown on the open pages. When only texts changed
/// and the pages, titles and headings did not, only the changed pages are rendered again.
fn rebuild(server: &Server, build: &BuildOptions, previous: &mut Option<Previous>, texts_only: bool) {
    let started = Instant::now();
    let result = build_or_update(build, previous, texts_only);
    let mut state = server.state.write().expect("state lock");
    state.generation += 1;
    match result {
        Ok((files, diagnostics, rendered)) => {
            state.ok = !diagnostics.iter().any(Diagnostic::is_error);
            // The box over the page is for the author's own problems, not the project's.
            state.messages =
                diagnostics.iter().filter(|d| !crate::config::is_project_wide(d)).map(ToString::to_string).collect();
            state.rendered = rendered;
            if state.ok {
                state.files = files;
                state.loaded = previous.as_ref().map(|p| Arc::clone(&p.loaded));
            }
        }
        Err(error) => {
            state.ok = false;
            state.messages = vec![format!("error: {error:#}")];
        }
    }
    let summary = if state.ok { "rebuilt" } else { "build failed; serving the last good build" };
    eprintln!("{summary} ({} files) in {} ms", state.rendered, started.elapsed().as_millis());
    for message in &state.messages {
        eprintln!("{message}");
    }
    let event = state.event();
    drop(state);
    server.listeners.lock().expect("listeners lock").retain(|listener| listener.send(event.clone()).is_ok());
}

type Files = BTreeMap<String, Vec<u8>>;

/// The new files, the diagnostics, and how many files were rendered.
fn build_or_update(
    build: &BuildOptions,
    previous: &mut Option<Previous>,
    texts_only: bool,
) -> anyhow::Result<(Files, Vec<Diagnostic>, usize)> {
    let diags = Diagnostics::new();
    let Some(loaded) = crate::load_all(build, &diags)? else {
        *previous = None;
        return Ok((BTreeMap::new(), diags.into_sorted(), 0));
    };
    let loaded = Arc::new(loaded);
    let pdf = if build.no_pdf || !loaded.config.pdf.enabled { PdfMode::Off } else { PdfMode::Deferred };
    // Packages are made when they are downloaded.
    let downloads = Downloads { pdf, packages: PackageMode::OnRequest };
    let load_diagnostics = diags.into_sorted();
    let incremental = match previous.take() {
        Some(prev) if texts_only && !load_diagnostics.iter().any(Diagnostic::is_error) => {
            update(&loaded, prev, downloads)?
        }
        _ => None,
    };
    if let Some(update) = incremental {
        let diagnostics = merge(&load_diagnostics, &update.render_diagnostics);
        let result = (update.files.clone(), diagnostics, update.rendered);
        *previous = Some(Previous {
            loaded,
            prepared: update.prepared,
            files: update.files,
            render_diagnostics: update.render_diagnostics,
        });
        return Ok(result);
    }
    let render_diags = policed(&loaded);
    let memory = MemoryOutput::default();
    let (_, _, prepared) = crate::render_all(&loaded, &memory, &render_diags, downloads)?;
    let render_diagnostics = render_diags.into_sorted();
    let files = memory.into_files();
    let diagnostics = merge(&load_diagnostics, &render_diagnostics);
    let rendered = files.len();
    *previous = (!diagnostics.iter().any(Diagnostic::is_error)).then(|| Previous {
        loaded,
        prepared,
        files: files.clone(),
        render_diagnostics,
    });
    Ok((files, diagnostics, rendered))
}

/// An empty list of diagnostics with book.toml's `[check]` severities, as the build has them.
fn policed(loaded: &crate::Loaded) -> Diagnostics {
    let diags = Diagnostics::new();
    diags.set_policy(crate::diag::Policy::new(&loaded.config.check, false));
    diags
}

fn merge(a: &[Diagnostic], b: &[Diagnostic]) -> Vec<Diagnostic> {
    let merged = Diagnostics::new();
    merged.extend(a.iter().chain(b).cloned());
    merged.into_sorted()
}

/// The result of an incremental rebuild.
struct Update {
    prepared: BTreeMap<(usize, Lang), Prepared>,
    files: Files,
    render_diagnostics: Vec<Diagnostic>,
    rendered: usize,
}

/// Renders only the working tree's pages whose texts changed, when nothing else did; `None`
/// when a full build is needed.
fn update(loaded: &crate::Loaded, prev: Previous, downloads: Downloads<'_>) -> anyhow::Result<Option<Update>> {
    let (old, new) = (&prev.loaded.versions, &loaded.versions);
    let same_versions = old.len() == new.len() && old.iter().zip(new).all(|(a, b)| a.site.version == b.site.version);
    let current = new.len() - 1;
    let Some(changed) = same_versions.then(|| changed_pages(&old[current].site, &new[current].site)).flatten() else {
        return Ok(None);
    };
    let memory = MemoryOutput::default();
    let render_diags = policed(loaded);
    let changed_files: Vec<String> = changed
        .iter()
        .flat_map(|&i| {
            let page = &new[current].site.pages[i];
            std::iter::once(page.source.path.clone()).chain(page.translations.values().map(|t| t.path.clone()))
        })
        .collect();
    let reuse = crate::render::Reuse { prepared: prev.prepared, changed };
    let sink = crate::OutputSink { target: &memory, latest: None };
    let index = crate::version_index(loaded, !matches!(downloads.pdf, PdfMode::Off));
    let Some(prepared) = crate::render::render_version_reusing(
        &new[current],
        &index,
        &loaded.theme,
        &render_diags,
        &sink,
        Some(reuse),
        downloads,
    )?
    else {
        return Ok(None);
    };
    let mut render_diagnostics: Vec<Diagnostic> =
        prev.render_diagnostics.into_iter().filter(|d| !changed_files.contains(&d.file)).collect();
    render_diagnostics.extend(render_diags.into_sorted());
    // The changed pages' translations are checked against their sources again (structure and
    // terms), as a full build does.
    let version = &new[current];
    let translation_diags = policed(loaded);
    crate::translate::check_translations(&version.site, &version.config, &version.glossaries, &translation_diags);
    render_diagnostics.extend(translation_diags.into_sorted().into_iter().filter(|d| changed_files.contains(&d.file)));
    let updated = memory.into_files();
    let rendered = updated.len();
    let mut files = prev.files;
    files.extend(updated);
    Ok(Some(Update { prepared, files, render_diagnostics, rendered }))
}

/// The pages whose texts changed, if nothing else did: the same pages at the same addresses,
/// with the same titles, summaries, outcomes, facts, translations and assets. `None` otherwise.
fn changed_pages(old: &crate::content::Site, new: &crate::content::Site) -> Option<std::collections::BTreeSet<usize>> {
    let same_shape = old.pages.len() == new.pages.len()
        && old.outputs.len() == new.outputs.len()
        && old.assets.len() == new.assets.len()
        && old.assets.iter().zip(&new.assets).all(|((a, x), (b, y))| a == b && x.bytes == y.bytes);
    if !same_shape {
        return None;
    }
    let mut changed = std::collections::BTreeSet::new();
    for (index, (a, b)) in old.pages.iter().zip(&new.pages).enumerate() {
        let same_page = a.id == b.id
            && a.path == b.path
            && a.kind == b.kind
            && a.output == b.output
            && a.licence == b.licence
            && format!("{:?}", a.facts) == format!("{:?}", b.facts)
            && a.translations.keys().eq(b.translations.keys());
        if !same_page {
            return None;
        }
        let docs = std::iter::once((&a.source, &b.source)).chain(a.translations.values().zip(b.translations.values()));
        for (x, y) in docs {
            let same_texts = x.title == y.title
                && x.summary == y.summary
                && x.learning_outcomes == y.learning_outcomes
                && x.keywords == y.keywords
                && x.translators == y.translators
                && x.source_hash == y.source_hash;
            if !same_texts {
                return None;
            }
            if x.text != y.text {
                changed.insert(index);
            }
        }
    }
    Some(changed)
}

fn handle(server: &Server, mut stream: TcpStream) {
    let request = match http::read_request(&stream) {
        Ok(request) => request,
        Err(refusal) => {
            let (status, text) = match refusal {
                Refusal::Malformed => ("400 Bad Request", "bad request\n"),
                Refusal::OutsideSite => ("404 Not Found", "not found\n"),
                Refusal::Method => ("405 Method Not Allowed", "only GET and HEAD\n"),
            };
            let _ = http::respond(&mut stream, status, "text/plain; charset=utf-8", text.as_bytes(), false);
            return;
        }
    };
    if !request.host.as_deref().is_some_and(http::is_allowed_host) {
        let body = b"this preview answers only to localhost or an IP address (Host header refused)\n";
        let _ = http::respond(&mut stream, "403 Forbidden", "text/plain; charset=utf-8", body, false);
        return;
    }
    let head_only = request.method == "HEAD";
    match request.path.strip_prefix(LIVE_PREFIX) {
        Some("events") => stream_events(server, stream),
        Some("live.js") => {
            let _ = http::respond(
                &mut stream,
                "200 OK",
                "text/javascript; charset=utf-8",
                LIVE_SCRIPT.as_bytes(),
                head_only,
            );
        }
        Some(_) => {
            let _ = http::respond(&mut stream, "404 Not Found", "text/plain; charset=utf-8", b"not found\n", head_only);
        }
        None => serve_file(server, &mut stream, &request.path, head_only),
    }
}

fn serve_file(server: &Server, stream: &mut TcpStream, path: &str, head_only: bool) {
    let relative = path.trim_start_matches('/');
    if relative.ends_with(".pdf") && !server.state.read().expect("state lock").files.contains_key(relative) {
        typeset_on_request(server, relative);
    }
    if relative.ends_with(".zip") || relative.ends_with(".epub") {
        package_on_request(server, relative);
    }
    let state = server.state.read().expect("state lock");
    let candidates = [
        if relative.is_empty() || relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            relative.to_string()
        },
        format!("{relative}/index.html"),
    ];
    if let Some(bytes) = state.files.get(&candidates[0]) {
        let body = with_live_script(&candidates[0], bytes);
        let _ = http::respond(stream, "200 OK", http::content_type(&candidates[0]), &body, head_only);
    } else if !relative.is_empty() && state.files.contains_key(&candidates[1]) {
        let head = format!(
            "HTTP/1.1 301 Moved Permanently\r\nLocation: /{relative}/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        let _ = stream.write_all(head.as_bytes());
    } else {
        let fallback =
            b"<!DOCTYPE html><html lang=\"en\"><title>Not found</title><body><p>Not found.</p></body></html>".to_vec();
        let page = state.files.get("404.html").cloned().unwrap_or(fallback);
        let body = with_live_script("404.html", &page);
        let _ = http::respond(stream, "404 Not Found", "text/html; charset=utf-8", &body, head_only);
    }
}

/// Makes the package, e-book or offline copy at `path` (`2.0/el/…/x-scorm-el-2.0.zip`) from the served build's texts as
/// they are now (each download: a package is made in a moment) and adds it to the served files.
fn package_on_request(server: &Server, path: &str) {
    let Some(loaded) = server.state.read().expect("state lock").loaded.clone() else { return };
    let Some(current) = loaded.versions.iter().position(|v| path.starts_with(&format!("{}/", v.site.version))) else {
        return;
    };
    let index = crate::version_index(&loaded, true);
    // An offline copy holds the PDFs typeset so far (the preview typesets them when opened).
    let typeset = |pdf: &str| server.state.read().expect("state lock").files.get(pdf).cloned();
    let Some(bytes) = crate::render::render_package(&loaded.versions[current], &index, &loaded.theme, path, &typeset)
    else {
        return;
    };
    let mut state = server.state.write().expect("state lock");
    if state.loaded.as_ref().is_some_and(|l| Arc::ptr_eq(l, &loaded)) {
        state.files.insert(path.to_string(), bytes);
    }
}

/// Typesets the PDF at `path` (`2.0/el/…/x.pdf`) of the served build and adds it to the
/// served files; problems are printed and shown like a build's.
fn typeset_on_request(server: &Server, path: &str) {
    let _one_at_a_time = server.pdf_lock.lock().unwrap_or_else(|e| e.into_inner());
    let Some(loaded) = server.state.read().expect("state lock").loaded.clone() else { return };
    let Some(current) = loaded.versions.iter().position(|v| path.starts_with(&format!("{}/", v.site.version))) else {
        return;
    };
    let build = server.pdf.get_or_init(|| match crate::pdf_build(&loaded, &server.build) {
        Ok(build) => build,
        Err(error) => {
            eprintln!("error: {error:#}");
            None
        }
    });
    let Some(build) = build else { return };
    let started = Instant::now();
    let diags = Diagnostics::new();
    let index = crate::version_index(&loaded, true);
    let bytes = crate::render::render_pdf(&loaded.versions[current], &index, &loaded.theme, build, path, &diags);
    let diagnostics = diags.into_sorted();
    for diagnostic in &diagnostics {
        eprintln!("{diagnostic}");
    }
    let mut state = server.state.write().expect("state lock");
    match bytes {
        Some(bytes) => {
            eprintln!("typeset {path} in {} ms", started.elapsed().as_millis());
            // Only into the build it was made from: a rebuild may have replaced it meanwhile.
            if state.loaded.as_ref().is_some_and(|l| Arc::ptr_eq(l, &loaded)) {
                state.files.insert(path.to_string(), bytes);
            }
        }
        None if !diagnostics.is_empty() => {
            state.ok = false;
            // The box over the page is for the author's own problems, not the project's.
            state.messages =
                diagnostics.iter().filter(|d| !crate::config::is_project_wide(d)).map(ToString::to_string).collect();
            state.generation += 1;
            let event = state.event();
            drop(state);
            server.listeners.lock().expect("listeners lock").retain(|listener| listener.send(event.clone()).is_ok());
        }
        None => {}
    }
}

/// Adds the live-reload script to an HTML page (only ever in serve mode).
fn with_live_script(path: &str, bytes: &[u8]) -> Vec<u8> {
    if !path.ends_with(".html") {
        return bytes.to_vec();
    }
    let html = String::from_utf8_lossy(bytes);
    let tag = format!("<script src=\"{LIVE_PREFIX}live.js\"></script>\n</body>");
    match html.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &html[..i], &html[i + "</body>".len()..]).into_bytes(),
        None => format!("{html}{tag}").into_bytes(),
    }
}

/// Server-sent events: the current build at once, then every rebuild; a comment every 15 s
/// notices closed connections.
fn stream_events(server: &Server, mut stream: TcpStream) {
    let (sender, receiver) = mpsc::channel();
    let first = server.state.read().expect("state lock").event();
    server.listeners.lock().expect("listeners lock").push(sender);
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    if stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(first.as_bytes()))
        .and_then(|()| stream.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match receiver.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => event,
            Err(mpsc::RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if stream.write_all(message.as_bytes()).and_then(|()| stream.flush()).is_err() {
            return;
        }
    }
}
