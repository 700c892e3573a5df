//! Typesetting one document in layout passes, holding no more than the next pass needs.
//!
//! A document that asks where its parts ended up (the contents with their page numbers, the
//! running header's `counter(page)`, "page 3 / 40") is laid out again until the answers stop
//! changing: twice for a module, three times for a book (its contents push every chapter
//! back by their own length). `typst::compile` keeps every earlier pass's whole document, all
//! its pages' frames, until the last one is done, while the next pass only asks questions of
//! the previous one's *introspector* (which element is on which page). For a book of 1,150
//! pages those frames were the largest part of the build's peak memory. This loop is the same
//! as typst's, with the same result, but keeps only the introspectors of earlier passes.

use std::sync::Arc;

use typst::World;
use typst::comemo::{Constraint, Track, Tracked};
use typst::diag::{SourceDiagnostic, SourceResult, Warned};
use typst::ecow::EcoVec;
use typst::engine::{Engine, Route, Sink, Traced};
use typst::foundations::{StyleChain, Target, TargetElem};
use typst::introspection::{EmptyIntrospector, Introspector, MAX_ITERS};
use typst::syntax::Span;
use typst::utils::Protected;
use typst_layout::{PagedDocument, PagedIntrospector};

/// Evaluates the world's main file and lays it out until its introspections settle, as
/// `typst::compile::<PagedDocument>` does.
pub fn typeset(world: &dyn World) -> Warned<SourceResult<PagedDocument>> {
    let mut sink = Sink::new();
    let output = passes(world.track(), &mut sink).map_err(deduplicate);
    Warned { output, warnings: sink.warnings() }
}

fn passes(world: Tracked<dyn World + '_>, sink: &mut Sink) -> SourceResult<PagedDocument> {
    let library = world.library();
    let base = StyleChain::new(&library.styles);
    let target = TargetElem::target.set(Target::Paged).wrap();
    let styles = base.chain(&target);
    let traced = Traced::default();

    let main = world
        .source(world.main())
        .map_err(|error| EcoVec::from([SourceDiagnostic::error(Span::detached(), error.to_string())]))?;
    let content =
        typst_eval::eval(world, library, traced.track(), sink.track_mut(), Route::default().track(), &main)?.content();

    // What earlier passes found, oldest first: the last one answers the next pass's questions;
    // all of them explain a layout that does not settle.
    let mut earlier: Vec<Arc<PagedIntrospector>> = Vec::with_capacity(MAX_ITERS - 1);
    loop {
        let previous: &dyn Introspector = match earlier.last() {
            Some(introspector) => introspector.as_ref(),
            None => &EmptyIntrospector,
        };
        let constraint = Constraint::new();
        let mut pass_sink = Sink::new();
        let mut engine = Engine {
            library,
            world,
            introspector: Protected::new(previous.track_with(&constraint)),
            traced: traced.track(),
            sink: pass_sink.track_mut(),
            route: Route::default(),
        };
        let document = typst_layout::layout_document(&mut engine, &content, styles)?;
        let current: &dyn Introspector = document.introspector().as_ref();
        if constraint.validate(current) {
            sink.extend_from_sink(pass_sink);
            return finish(sink, document);
        }
        if earlier.len() == MAX_ITERS - 1 {
            // The answers still change: warn about the introspections that never settled.
            let mut introspectors: [&dyn Introspector; MAX_ITERS + 1] = [&EmptyIntrospector; MAX_ITERS + 1];
            for (slot, introspector) in introspectors[1..].iter_mut().zip(&earlier) {
                *slot = introspector.as_ref();
            }
            introspectors[MAX_ITERS] = current;
            let warnings = typst::introspection::analyze(world, introspectors, pass_sink.introspections());
            sink.extend_from_sink(pass_sink);
            for warning in warnings {
                sink.warn(warning);
            }
            return finish(sink, document);
        }
        // The pages go; what the next pass asks about stays.
        earlier.push(Arc::clone(document.introspector()));
    }
}

/// Errors typst delayed to the end of the layout fail the document.
fn finish(sink: &mut Sink, document: PagedDocument) -> SourceResult<PagedDocument> {
    let delayed = sink.delayed();
    if delayed.is_empty() { Ok(document) } else { Err(delayed) }
}

/// The same error reported by several passes is one error.
fn deduplicate(mut errors: EcoVec<SourceDiagnostic>) -> EcoVec<SourceDiagnostic> {
    let mut seen = std::collections::HashSet::new();
    errors.retain(|error| seen.insert(typst::utils::hash128(&(&error.span, &error.message))));
    errors
}
