### The accessibility statement (English), one page per version and language.
###
### It follows the model accessibility statement of Commission Implementing Decision (EU)
### 2018/1523: commitment and scope, compliance status, non-accessible content, preparation
### of the statement, feedback and contact information, enforcement procedure. The facts
### (status, date, contact, limitations) come from `[accessibility]` in book.toml.
### Plain text only: no HTML, no markup.

accessibility-title = Accessibility statement
accessibility-summary = How accessible this website is, what we know is not yet accessible, and how to tell us about problems.
# $site: the site's title.
accessibility-commitment = The organisations that publish { $site } are committed to making this website accessible, in accordance with Directive (EU) 2016/2102 of the European Parliament and of the Council on the accessibility of the websites and mobile applications of public sector bodies, as transposed into national law.
# $site: the site's title; $version: the version label, e.g. 2.0.
accessibility-scope = This accessibility statement applies to the website { $site }, version { $version }, in all its languages.

## Compliance status: book.toml's `status` chooses one of the three sentences.

accessibility-status-heading = Compliance status
accessibility-status-full = This website is fully compliant with the harmonised European standard EN 301 549 and with the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.
accessibility-status-partial = This website is partially compliant with the harmonised European standard EN 301 549 and with the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, due to the non-compliances listed below.
accessibility-status-none = This website is not compliant with the harmonised European standard EN 301 549 and with the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. The non-compliances are listed below.

## Non-accessible content. book.toml's `limitations` lists keys: `pdf` shows the message
## `accessibility-limitation-pdf`. A site can add its own limitation messages here (in every
## language) and list their keys.

accessibility-limitations-heading = Non-accessible content
accessibility-limitations-intro = The content listed below is not accessible, or not fully accessible, for the following reasons:
accessibility-limitations-none = We do not know of any content on this website that is not accessible.
accessibility-limitation-pdf = PDF documents: the downloadable PDF versions of modules and outputs have not yet been checked against the requirements for PDF documents (EN 301 549, clause 10). Tables, figures and the reading order may not be conveyed correctly to assistive technologies. Every PDF has the same content as a page of this website, which is the accessible version.
accessibility-limitation-figure-text = Figures: some diagrams are drawings with text inside them. Where a figure has not yet been redrawn in your language, its labels are in English, even on translated pages. The text alternative of each figure describes it in words.

## Preparation of the statement

accessibility-preparation-heading = Preparation of this accessibility statement
# $date: the day the statement was prepared or last reviewed, formatted by accessibility-date.
accessibility-prepared = This statement was prepared on { $date }.
accessibility-method = The method used was a self-assessment by the project team, with automated tests in a real browser (axe-core) of every kind of page in every language, and tests of keyboard use, narrow screens and printing. Automated tests find only part of all accessibility problems; the website has not yet been assessed by an independent expert or tested with users of assistive technologies.

## Feedback and contact information

accessibility-feedback-heading = Feedback and contact information
# Followed by the contact address from book.toml, as a link.
accessibility-feedback = If you find an accessibility problem that is not listed here, or need content from this website in another format, please contact us:
# Shown when book.toml names no contact.
accessibility-no-contact = This website does not yet publish its own address for accessibility feedback. Until it does, please contact the partner organisation of the project in your country, or the organisation that gave you access to these materials, and ask them to pass your message on to the project team.
# Followed by the list of partners from book.toml, when there is one.
accessibility-partners = The project partners are:

## Enforcement procedure

accessibility-enforcement-heading = Enforcement procedure
accessibility-enforcement = If you are not satisfied with the reply to your feedback or request, you can contact the body that enforces the Web Accessibility Directive in your member state.
# Text of the link to book.toml's `enforcement-url`, when set.
accessibility-enforcement-link = Contact details of the enforcement body

# A date: $day and $month (1–12) are numbers, $year is text.
accessibility-date = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
