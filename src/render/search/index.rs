//! The index files of one language, in the format of Pagefind 1.6 (what its search script and
//! WebAssembly read):
//! - `fragment/<hash>.pf_fragment`: per page, JSON with its URL, text, title, filters and anchors
//!   (the result a reader sees);
//! - `index/<hash>.pf_index`: the words, sorted and cut into chunks; per word the pages it is on
//!   and its positions there, weights inlined, page numbers and positions delta-encoded (CBOR);
//! - `filter/<hash>.pf_filter`: per filter, the pages of each value (CBOR);
//! - `pagefind.<hash>.pf_meta`: the pages, the chunks' word ranges, the filters (CBOR).
//!
//! Every file is gzipped behind the marker `pagefind_dcd`, which tells the script whether the
//! server already undid the compression. Names are content hashes, so a browser may cache the
//! files for ever.
//!
//! Pages are analysed one by one as they are rendered, on any thread ([`IndexedPage::new`]); a
//! language's pages are then merged in the order given, which numbers them, so the same pages
//! give byte-identical files.

use std::collections::BTreeMap;

use hashbrown::HashMap;

use flate2::{Compress, Compression, Crc, FlushCompress, Status};
use minicbor::Encode;
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::extract::{self, Anchor};
use crate::words::with_analyzer;

/// Marks a file's decompressed bytes (see the module comment).
const DECOMPRESSED_MARKER: &[u8] = b"pagefind_dcd";

/// Positions (plus one per page) after which a chunk of the word index is closed: what one
/// query loads at most besides its fragments. Pagefind's default.
const CHUNK_SIZE: usize = 20_000;

/// Where a word is on one page: its positions in the text (`locs`) and in metadata such as the
/// title (`meta_locs`), both packed as the search script reads them ([`pack_positions`],
/// [`pack_meta_positions`]).
#[derive(Debug, Default, Clone, Encode)]
struct PackedPage {
    #[n(0)]
    page_number: usize,
    #[n(1)]
    locs: Vec<i32>,
    #[n(2)]
    meta_locs: Vec<i32>,
}

#[derive(Debug, Clone, Encode)]
struct PackedVariant {
    #[n(0)]
    form: String,
    #[n(1)]
    pages: Vec<PackedPage>,
}

#[derive(Debug, Clone, Encode)]
struct PackedWord {
    #[n(0)]
    word: String,
    #[n(1)]
    pages: Vec<PackedPage>,
    #[n(2)]
    additional_variants: Vec<PackedVariant>,
}

#[derive(Encode)]
struct WordIndex<'a> {
    #[n(0)]
    words: &'a [PackedWord],
}

#[derive(Encode)]
struct FilterIndex<'a> {
    #[n(0)]
    filter: &'a str,
    #[n(1)]
    values: Vec<FilterValue<'a>>,
}

#[derive(Encode)]
struct FilterValue<'a> {
    #[n(0)]
    value: &'a str,
    #[n(1)]
    pages: &'a [usize],
}

#[derive(Encode)]
struct MetaIndex<'a> {
    #[n(0)]
    version: &'a str,
    #[n(1)]
    pages: Vec<MetaPage>,
    #[n(2)]
    index_chunks: Vec<MetaChunk>,
    #[n(3)]
    filters: Vec<MetaFilter>,
    #[n(4)]
    sorts: Vec<MetaSort>,
    #[n(5)]
    meta_fields: Vec<String>,
}

#[derive(Encode)]
struct MetaPage {
    #[n(0)]
    hash: String,
    #[n(1)]
    word_count: u32,
    #[n(2)]
    group_hash: String,
}

#[derive(Debug, PartialEq, Encode)]
struct MetaChunk {
    #[n(0)]
    from: String,
    #[n(1)]
    to: String,
    #[n(2)]
    hash: String,
}

#[derive(Encode)]
struct MetaFilter {
    #[n(0)]
    filter: String,
    #[n(1)]
    hash: String,
}

/// Pagefind's sort orders; innotrain ranks by relevance only.
#[derive(Encode)]
struct MetaSort {
    #[n(0)]
    sort: String,
    #[n(1)]
    pages: Vec<usize>,
}

/// The fragment a result shows: Pagefind's `PageFragmentData`.
#[derive(Serialize)]
struct Fragment<'a> {
    url: &'a str,
    content: &'a str,
    word_count: usize,
    filters: &'a BTreeMap<String, Vec<String>>,
    meta: &'a BTreeMap<String, String>,
    anchors: &'a [Anchor],
}

/// Where one word is on one page.
#[derive(Default)]
struct Hits {
    /// (position, weight) in the text.
    text: Vec<(u32, u8)>,
    /// (metadata field, position) in the page's own field order.
    meta: Vec<(u16, u32)>,
}

/// A word's hits as written (`plain`) and per diacritic form.
#[derive(Default)]
struct WordHits {
    plain: Hits,
    variants: BTreeMap<String, Hits>,
}

impl WordHits {
    /// The hits of the word as written, or of one of its diacritic forms.
    fn place(&mut self, variant: Option<&str>) -> &mut Hits {
        match variant {
            None => &mut self.plain,
            Some(form) => {
                if !self.variants.contains_key(form) {
                    self.variants.insert(form.to_string(), Hits::default());
                }
                self.variants.get_mut(form).expect("inserted above")
            }
        }
    }
}

/// One page, analysed and packed: ready to be numbered and merged into its language's index.
pub struct IndexedPage {
    /// The fragment file, compressed, and the hash of its JSON.
    fragment: Vec<u8>,
    fragment_hash: String,
    word_count: u32,
    meta_fields: Vec<String>,
    filters: BTreeMap<String, Vec<String>>,
    /// Stem → (positions on the page as written, positions per diacritic form).
    words: Vec<(String, PackedPage, Vec<PackedVariant>)>,
}

impl IndexedPage {
    /// Reads and analyses a rendered page (see [`extract`]); `url` is what its result links to.
    pub fn new(lang: &str, url: &str, html: &str) -> Self {
        let text = extract::page_text(html);
        let meta: BTreeMap<String, String> = text.title.iter().map(|t| ("title".to_string(), t.clone())).collect();
        let mut hits: HashMap<String, WordHits> = HashMap::new();
        with_analyzer(lang, |analyzer| {
            for (position, (range, weight)) in text.words.iter().enumerate() {
                let terms = analyzer.terms(&text.content[range.clone()]);
                let parts = terms.iter().filter(|term| term.is_part).count();
                let part_weight =
                    if parts > 0 && *weight > 0 { (weight / u8::try_from(parts).unwrap_or(u8::MAX)).max(1) } else { 0 };
                for term in terms {
                    let weight = if term.is_part { part_weight } else { *weight };
                    let word = hits.entry_ref(term.stem.as_str()).or_default();
                    let place = word.place(term.variant.as_deref());
                    place.text.push((position as u32, weight));
                }
            }
            for (field, value) in meta.values().enumerate() {
                for (position, word) in value.split_whitespace().enumerate() {
                    for term in analyzer.terms(word) {
                        let word = hits.entry_ref(term.stem.as_str()).or_default();
                        let place = word.place(term.variant.as_deref());
                        place.meta.push((field as u16, position as u32));
                    }
                }
            }
        });
        let words = hits
            .into_iter()
            .map(|(stem, word)| {
                let variants = word
                    .variants
                    .into_iter()
                    .map(|(form, hits)| PackedVariant { form, pages: vec![pack(hits)] })
                    .collect();
                (stem, pack(word.plain), variants)
            })
            .collect();
        let fragment = Fragment {
            url,
            content: &text.content,
            word_count: text.words.len(),
            filters: &text.filters,
            meta: &meta,
            anchors: &text.anchors,
        };
        let fragment = serde_json::to_vec(&fragment).expect("a fragment serializes");
        Self {
            fragment_hash: hash(&fragment),
            fragment: gzip(&fragment, Compression::fast()),
            word_count: text.words.len() as u32,
            meta_fields: meta.into_keys().collect(),
            filters: text.filters,
            words,
        }
    }
}

fn pack(hits: Hits) -> PackedPage {
    PackedPage { page_number: 0, locs: pack_positions(hits.text), meta_locs: pack_meta_positions(hits.meta) }
}

/// Positions with their weights, as the search script reads them: grouped by weight, each
/// group led by `-(weight + 1)` and its first position, then the distances between positions.
/// (The script assumes a weight of 25 before the first marker; no word has it, weights being
/// multiples of 24, so every list starts with a marker.)
fn pack_positions(mut positions: Vec<(u32, u8)>) -> Vec<i32> {
    const ASSUMED_WEIGHT: u8 = 25;
    positions.sort_by_key(|&(position, weight)| (if weight == ASSUMED_WEIGHT { 0 } else { weight }, position));
    let mut packed = Vec::with_capacity(positions.len() + 2);
    let (mut weight_now, mut last) = (ASSUMED_WEIGHT, 0);
    for (position, weight) in positions {
        if weight == weight_now {
            packed.push((position - last) as i32);
        } else {
            packed.extend([-(i32::from(weight)) - 1, position as i32]);
            weight_now = weight;
        }
        last = position;
    }
    packed
}

/// Metadata positions: grouped by field, each group led by `-(field + 1)`, then the distances
/// between positions (from 0).
fn pack_meta_positions(mut positions: Vec<(u16, u32)>) -> Vec<i32> {
    positions.sort_unstable();
    let mut packed = Vec::new();
    let (mut field_now, mut last) = (None, 0);
    for (field, position) in positions {
        if field_now != Some(field) {
            packed.push(-i32::from(field) - 1);
            field_now = Some(field);
            last = 0;
        }
        packed.push((position - last) as i32);
        last = position;
    }
    packed
}

/// A language's index files, names relative to the bundle folder.
pub struct LanguageIndex {
    /// The name of its metadata file's hash (`<lang>_<hash>`), as the entry file lists it.
    pub hash: String,
    pub page_count: usize,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Numbers `pages` in order and builds their language's index files.
pub fn build_language(lang: &str, version: &str, pages: Vec<IndexedPage>) -> LanguageIndex {
    let mut pages: Vec<IndexedPage> = pages.into_iter().filter(|page| !page.words.is_empty()).collect();
    let mut meta_fields: Vec<String> = pages.iter().flat_map(|page| page.meta_fields.iter().cloned()).collect();
    meta_fields.sort_unstable();
    meta_fields.dedup();

    let mut files = Vec::new();
    let mut names = Names::default();
    let mut meta_pages = Vec::with_capacity(pages.len());
    for page in &mut pages {
        let name = names.unique(lang, &page.fragment_hash);
        meta_pages.push(MetaPage { hash: name.clone(), word_count: page.word_count, group_hash: String::new() });
        files.push((format!("fragment/{name}.pf_fragment"), std::mem::take(&mut page.fragment)));
    }

    let mut filters: BTreeMap<String, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    let mut words: HashMap<String, PackedWord> = HashMap::new();
    for (page_number, page) in pages.into_iter().enumerate() {
        for (filter, values) in page.filters {
            let filter = filters.entry(filter).or_default();
            for value in values {
                filter.entry(value).or_default().push(page_number);
            }
        }
        // The page's metadata fields are a sorted subset of all: renumbering keeps their order.
        let field_number: Vec<i32> = page
            .meta_fields
            .iter()
            .map(|field| meta_fields.binary_search(field).expect("collected above") as i32)
            .collect();
        let renumber = |mut hits: PackedPage| {
            hits.page_number = page_number;
            for entry in hits.meta_locs.iter_mut().filter(|entry| **entry < 0) {
                *entry = -field_number[(-*entry - 1) as usize] - 1;
            }
            hits
        };
        for (stem, plain, variants) in page.words {
            let word = words.entry(stem).or_insert_with_key(|stem| PackedWord {
                word: stem.clone(),
                pages: Vec::new(),
                additional_variants: Vec::new(),
            });
            if !plain.locs.is_empty() || !plain.meta_locs.is_empty() {
                word.pages.push(renumber(plain));
            }
            for variant in variants {
                let pages = variant.pages.into_iter().map(renumber);
                match word.additional_variants.iter_mut().find(|known| known.form == variant.form) {
                    Some(known) => known.pages.extend(pages),
                    None => word.additional_variants.push(PackedVariant { form: variant.form, pages: pages.collect() }),
                }
            }
        }
    }

    let mut meta_filters = Vec::new();
    for (filter, values) in &filters {
        let index =
            FilterIndex { filter, values: values.iter().map(|(value, pages)| FilterValue { value, pages }).collect() };
        let bytes = minicbor::to_vec(&index).expect("CBOR into memory");
        let name = names.unique(lang, &hash(&bytes));
        meta_filters.push(MetaFilter { filter: filter.to_string(), hash: name.clone() });
        files.push((format!("filter/{name}.pf_filter"), gzip(&bytes, Compression::default())));
    }

    let mut words: Vec<PackedWord> = words.into_values().collect();
    words.sort_unstable_by(|a, b| a.word.cmp(&b.word));
    let chunks = chunk(words);
    let mut index_chunks = chunk_ranges(&chunks);
    let encoded: Vec<(String, Vec<u8>)> = chunks
        .into_par_iter()
        .map(|mut chunk| {
            for word in &mut chunk {
                delta_encode_pages(&mut word.pages);
                for variant in &mut word.additional_variants {
                    delta_encode_pages(&mut variant.pages);
                }
            }
            let bytes = minicbor::to_vec(WordIndex { words: &chunk }).expect("CBOR into memory");
            (hash(&bytes), gzip(&bytes, Compression::new(3)))
        })
        .collect();
    for (range, (full_hash, bytes)) in index_chunks.iter_mut().zip(encoded) {
        range.hash = names.unique(lang, &full_hash);
        files.push((format!("index/{}.pf_index", range.hash), bytes));
    }

    let page_count = meta_pages.len();
    let meta =
        MetaIndex { version, pages: meta_pages, index_chunks, filters: meta_filters, sorts: Vec::new(), meta_fields };
    let bytes = minicbor::to_vec(&meta).expect("CBOR into memory");
    let meta_hash = format!("{lang}_{}", &hash(&bytes)[..10]);
    files.push((format!("pagefind.{meta_hash}.pf_meta"), gzip(&bytes, Compression::default())));
    LanguageIndex { hash: meta_hash, page_count, files }
}

/// Short content-hash names, lengthened where two files would share one.
#[derive(Default)]
struct Names(std::collections::HashSet<String>);

impl Names {
    fn unique(&mut self, lang: &str, full_hash: &str) -> String {
        let mut length = 7;
        loop {
            let name = format!("{lang}_{}", &full_hash[..length.min(full_hash.len())]);
            if self.0.insert(name.clone()) || length >= full_hash.len() {
                return name;
            }
            length += 1;
        }
    }
}

/// Cuts the sorted words into chunks of about [`CHUNK_SIZE`] entries.
fn chunk(words: Vec<PackedWord>) -> Vec<Vec<PackedWord>> {
    let mut chunks = Vec::new();
    let (mut current, mut size) = (Vec::new(), 0);
    for word in words {
        size += word
            .pages
            .iter()
            .chain(word.additional_variants.iter().flat_map(|variant| &variant.pages))
            .map(|page| page.locs.len() + page.meta_locs.len() + 1)
            .sum::<usize>()
            + word.additional_variants.len();
        current.push(word);
        if size >= CHUNK_SIZE {
            chunks.push(std::mem::take(&mut current));
            size = 0;
        }
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// The word range of each chunk, as short as the neighbouring chunks allow: the script finds
/// the chunk of a query word by comparing it with these.
fn chunk_ranges(chunks: &[Vec<PackedWord>]) -> Vec<MetaChunk> {
    let mut ranges: Vec<MetaChunk> = chunks
        .iter()
        .map(|chunk| MetaChunk {
            from: chunk.first().map(|w| w.word.clone()).unwrap_or_default(),
            to: chunk.last().map(|w| w.word.clone()).unwrap_or_default(),
            hash: String::new(),
        })
        .collect();
    for i in 1..ranges.len() {
        let (before, after) = ranges.split_at_mut(i);
        let (last, next) = (&mut before[i - 1], &mut after[0]);
        let common = next.from.chars().zip(last.to.chars()).take_while(|(a, b)| a == b).count();
        let to: String = last.to.chars().take(common + 1).collect();
        if to >= last.from {
            last.to = to;
        }
        next.from = next.from.chars().take(common + 1).collect();
    }
    ranges
}

/// Page numbers as distances from the previous page of the list.
fn delta_encode_pages(pages: &mut [PackedPage]) {
    let mut last = 0;
    for page in pages {
        let number = page.page_number;
        page.page_number = number - last;
        last = number;
    }
}

/// Gzipped behind the marker. Fragments (most of the bytes, and a results page loads only five)
/// are compressed fast: a quarter larger, in a third of the time. Index chunks, which every
/// query loads, at the default level.
///
/// The gzip frame is written here around a raw deflate stream so that each thread reuses one
/// compressor per level: setting one up (hundreds of kilobytes of tables) cost as much as
/// compressing a small fragment.
fn gzip(bytes: &[u8], level: Compression) -> Vec<u8> {
    thread_local! {
        static COMPRESSORS: std::cell::RefCell<Vec<(u32, Compress)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    // Header: magic, deflate, no flags, no modification time (files are byte-identical from
    // build to build), no extra flags, unknown system.
    let mut out = Vec::with_capacity(bytes.len() / 3 + 32);
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
    let mut crc = Crc::new();
    crc.update(DECOMPRESSED_MARKER);
    crc.update(bytes);
    COMPRESSORS.with_borrow_mut(|compressors| {
        let at = match compressors.iter().position(|(l, _)| *l == level.level()) {
            Some(at) => at,
            None => {
                compressors.push((level.level(), Compress::new(level, false)));
                compressors.len() - 1
            }
        };
        let compressor = &mut compressors[at].1;
        compressor.reset();
        deflate_into(compressor, DECOMPRESSED_MARKER, &mut out, FlushCompress::None);
        deflate_into(compressor, bytes, &mut out, FlushCompress::Finish);
    });
    out.extend_from_slice(&crc.sum().to_le_bytes());
    out.extend_from_slice(&crc.amount().to_le_bytes());
    out
}

/// Feeds `input` to the compressor, growing `out` as needed (`Finish` ends the stream).
fn deflate_into(compressor: &mut Compress, mut input: &[u8], out: &mut Vec<u8>, flush: FlushCompress) {
    loop {
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity().max(4096));
        }
        let before = compressor.total_in();
        let status = compressor.compress_vec(input, out, flush).expect("deflate into memory cannot fail");
        input = &input[(compressor.total_in() - before) as usize..];
        let finished = match flush {
            FlushCompress::Finish => status == Status::StreamEnd,
            _ => input.is_empty(),
        };
        if finished {
            return;
        }
    }
}

fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzips_with_the_marker_inside_reusing_compressors() {
        use std::io::Read;
        let text = "Arbeitsplatzbezogenes Lernen ".repeat(400);
        for level in [Compression::fast(), Compression::default(), Compression::fast()] {
            let packed = gzip(text.as_bytes(), level);
            let mut unpacked = String::new();
            flate2::read::GzDecoder::new(&packed[..]).read_to_string(&mut unpacked).unwrap();
            assert_eq!(unpacked, format!("pagefind_dcd{text}"));
            assert_eq!(packed, gzip(text.as_bytes(), level), "a reused compressor gives the same bytes");
        }
    }

    #[test]
    fn packs_positions_by_weight_then_distance() {
        assert_eq!(pack_positions(vec![(7, 24), (2, 24), (0, 168), (9, 24)]), [-25, 2, 5, 2, -169, 0]);
        assert_eq!(pack_meta_positions(vec![(1, 2), (0, 0), (0, 3)]), [-1, 0, 3, -2, 2]);
    }

    #[test]
    fn chunk_ranges_are_cut_to_distinguishing_prefixes() {
        let word = |w: &str| PackedWord { word: w.into(), pages: vec![], additional_variants: vec![] };
        let ranges = chunk_ranges(&[vec![word("aa"), word("abc")], vec![word("abd"), word("b")]]);
        assert_eq!((ranges[0].from.as_str(), ranges[0].to.as_str()), ("aa", "abc"));
        assert_eq!((ranges[1].from.as_str(), ranges[1].to.as_str()), ("abd", "b"));
        let ranges = chunk_ranges(&[vec![word("apple")], vec![word("banana")]]);
        assert_eq!((ranges[0].to.as_str(), ranges[1].from.as_str()), ("apple", "b"), "never shorter than `from`");
    }

    #[test]
    fn numbers_pages_in_order_and_finds_each_word() {
        let page = |text: &str| {
            IndexedPage::new("en", "/en/x/", &format!("<main data-pagefind-body><h1>Title</h1><p>{text}</p></main>"))
        };
        let index = build_language("en", "1.6.0", vec![page("learners learn"), page(""), page("a learner")]);
        assert_eq!(index.page_count, 3, "a page with a title only is still a page");
        let names: Vec<&str> = index.files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names.iter().filter(|n| n.starts_with("fragment/")).count(), 3);
        assert_eq!(names.iter().filter(|n| n.starts_with("index/")).count(), 1);
        assert!(names.last().unwrap().starts_with("pagefind.en_"), "{names:?}");
        let again = build_language("en", "1.6.0", vec![page("learners learn"), page(""), page("a learner")]);
        assert_eq!(index.files, again.files, "deterministic");
    }
}
