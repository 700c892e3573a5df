### Dichiarazione di accessibilità (italiano), una pagina per versione e lingua.
###
### Struttura del modello di dichiarazione di accessibilità della decisione di esecuzione (UE)
### 2018/1523 della Commissione; i titoli delle sezioni seguono la versione italiana
### (per quanto ci risulta; non verificati sul testo della Gazzetta ufficiale).
### Solo testo: niente HTML né markup.

accessibility-title = Dichiarazione di accessibilità
accessibility-summary = Quanto è accessibile questo sito web, quali contenuti sappiamo non essere ancora accessibili e come segnalarci i problemi.
accessibility-commitment = Le organizzazioni che pubblicano { $site } si impegnano a rendere accessibile questo sito web, conformemente alla direttiva (UE) 2016/2102 del Parlamento europeo e del Consiglio relativa all'accessibilità dei siti web e delle applicazioni mobili degli enti pubblici, come recepita nel diritto nazionale.
accessibility-scope = La presente dichiarazione di accessibilità si applica al sito web { $site }, versione { $version }, in tutte le sue lingue.

accessibility-status-heading = Stato di conformità
accessibility-status-full = Questo sito web è pienamente conforme alla norma europea armonizzata EN 301 549 e alle Linee guida per l'accessibilità dei contenuti web (WCAG) 2.1, livello AA.
accessibility-status-partial = Questo sito web è parzialmente conforme alla norma europea armonizzata EN 301 549 e alle Linee guida per l'accessibilità dei contenuti web (WCAG) 2.1, livello AA, in ragione dei casi di non conformità elencati di seguito.
accessibility-status-none = Questo sito web non è conforme alla norma europea armonizzata EN 301 549 e alle Linee guida per l'accessibilità dei contenuti web (WCAG) 2.1, livello AA. I casi di non conformità sono elencati di seguito.

accessibility-limitations-heading = Contenuti non accessibili
accessibility-limitations-intro = I contenuti elencati di seguito non sono accessibili, o non lo sono completamente, per i seguenti motivi:
accessibility-limitations-none = Non siamo a conoscenza di contenuti di questo sito web che non siano accessibili.
accessibility-limitation-pdf = Documenti PDF: le versioni PDF scaricabili dei moduli e dei risultati del progetto non sono ancora state verificate rispetto ai requisiti per i documenti PDF (EN 301 549, capitolo 10). Tabelle, figure e ordine di lettura potrebbero non essere trasmessi correttamente alle tecnologie assistive. Ogni PDF ha lo stesso contenuto di una pagina di questo sito web, che ne costituisce la versione accessibile.
accessibility-limitation-figure-text = Figure: alcuni diagrammi sono disegni che contengono testo. Finché una figura non è stata ridisegnata nella vostra lingua, le sue etichette restano in inglese, anche nelle pagine tradotte. Il testo alternativo di ogni figura la descrive a parole.

accessibility-preparation-heading = Redazione della presente dichiarazione di accessibilità
accessibility-prepared = La presente dichiarazione è stata redatta in data { $date }.
accessibility-method = Il metodo utilizzato è un'autovalutazione del gruppo di progetto, con test automatici in un browser reale (axe-core) su ogni tipo di pagina in ogni lingua e prove di utilizzo da tastiera, su schermi stretti e in stampa. I test automatici individuano solo una parte dei problemi di accessibilità; il sito web non è ancora stato valutato da esperti indipendenti né provato da utenti di tecnologie assistive.

accessibility-feedback-heading = Feedback e recapiti
accessibility-feedback = Se riscontrate un problema di accessibilità non elencato qui, o avete bisogno dei contenuti di questo sito web in un altro formato, contattateci:
accessibility-no-contact = Questo sito web non pubblica ancora un proprio indirizzo per le segnalazioni sull'accessibilità. Nel frattempo rivolgetevi all'organizzazione partner del progetto nel vostro Paese, o all'organizzazione che vi ha fornito questi materiali, chiedendo di inoltrare il vostro messaggio al gruppo di progetto.
accessibility-partners = I partner del progetto sono:

accessibility-enforcement-heading = Procedura di attuazione
accessibility-enforcement = Se la risposta alla vostra segnalazione o richiesta non vi soddisfa, potete rivolgervi all'organismo incaricato di far rispettare la direttiva sull'accessibilità dei siti web nel vostro Stato membro.
accessibility-enforcement-link = Recapiti dell'organismo competente

accessibility-date = { $day } { $month ->
    [1] gennaio
    [2] febbraio
    [3] marzo
    [4] aprile
    [5] maggio
    [6] giugno
    [7] luglio
    [8] agosto
    [9] settembre
    [10] ottobre
    [11] novembre
   *[12] dicembre
} { $year }
