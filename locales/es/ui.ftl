### Textos de la interfaz del tema por defecto (español / Spanish).
### Los identificadores de mensaje son exactamente los de locales/en/ui.ftl; un mensaje que
### falte aquí se muestra en inglés y la compilación lo indica como advertencia.

skip-to-content = Saltar al contenido
site-navigation = Productos formativos
breadcrumbs = Ruta de navegación
home = Inicio
menu = Menú
on-this-page = En esta página
previous = Anterior
next = Siguiente
language = Idioma
not-translated = aún sin traducir
# $language: el idioma del lector, en su propio idioma («Español»); $original: el idioma del texto mostrado («English»).
# Los nombres llegan tal como figuran en la configuración (con mayúscula inicial), por eso van entre paréntesis.
fallback-notice = Esta página aún no está traducida a este idioma ({ $language }). Está leyendo el texto original ({ $original }).
duration = Duración
duration-minutes = { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}
audience = Destinatarios
eqf-level = Nivel EQF
learning-outcomes = Resultados de aprendizaje
outcomes-knowledge = Conocimientos
outcomes-skills = Destrezas
outcomes-responsibility-autonomy = Responsabilidad y autonomía
prerequisites = Antes de este módulo
keywords = Palabras clave
modules = Módulos
# $count: número de módulos de un producto.
module-count = { $count ->
    [one] { $count } módulo
   *[other] { $count } módulos
}
licence = Licencia
not-found-title = Página no encontrada
not-found-text = La página que busca no existe en esta versión. Elija un idioma para volver a empezar desde la página de inicio.
choose-language = Elija su idioma
alert-note = Nota
alert-tip = Consejo
alert-important = Importante
alert-warning = Advertencia
# Screen-reader text for a ticked checklist item.
task-done = hecho
alert-caution = Precaución

## Destinatarios (clave `audience` de los metadatos)

audience-vet-teacher = Profesorado de FP
audience-in-company-trainer = Tutores de empresa
audience-tutor = Tutores
audience-mentor = Mentores
audience-school-leader = Equipos directivos de centros
audience-wbl-coordinator = Coordinadores de aprendizaje en el trabajo
audience-company-manager = Directivos de empresa y personal de RR. HH.
audience-social-partner = Interlocutores sociales
audience-policy-maker = Responsables políticos y autoridades públicas

## Actualidad de las traducciones y página de estado

outdated-notice = El original ({ $original }) ha cambiado después de esta traducción.
unreviewed-notice = Esta traducción todavía no ha sido revisada por un socio del proyecto.
read-original = Leer el original
translation-status = Estado de las traducciones
status-intro = Qué páginas de esta versión existen en cada idioma y si cada traducción está al día con su original.
status-page = Página
status-totals = Totales
state-source = original
state-up-to-date = al día
state-outdated = desactualizada
state-unreviewed = sin revisar
state-in-progress = en curso
state-missing = sin traducir
state-orphaned = huérfana
translated-by = Traducción de { $names }
reviewed-by = Traducción revisada por { $name } el { $date }

## Versiones

version = Versión
version-latest = más reciente
version-fallback = Esta página no existe en la versión { $version }: el enlace abre «{ $page }».
# Shown when the version switcher led to a parent page because the page is missing there.
version-gap = La página de la que viene no existe en esta versión. Esta es la página más cercana que sí existe.
old-version = Está leyendo la versión { $version }, que no es la más reciente.
read-latest = Leer la versión más reciente ({ $version })

## PDF descargables (en las páginas y dentro de los PDF)

pdf-download = Descargar PDF
pdf-download-output = El producto completo en un solo PDF
pdf-download-trainer = Edición para formadores (PDF): plan de sesión, notas y texto
pdf-download-output-trainer = El producto completo en la edición para formadores
pdf-download-handout = Hoja para participantes: { $title }
package-download-scorm = Paquete SCORM 1.2 para plataformas de aprendizaje (Moodle, ILIAS, Canvas)
offline-download = Copia sin conexión de esta versión para memoria USB o portátil: todas las páginas, los PDF y la búsqueda
offline-open = Abrir los módulos de formación
epub-download = Libro electrónico para tabletas y lectores (EPUB 3)
epub-contents = Índice
epub-landmarks = Puntos de referencia
epub-title-page = Portada
epub-start = Inicio del contenido
epub-accessibility-summary = Este libro electrónico cumple las WCAG 2.1 nivel AA: los capítulos y encabezados siguen el orden de lectura y figuran en el índice, cada imagen tiene un texto alternativo y el idioma de cada texto está marcado. No contiene audio, vídeo ni contenido intermitente.
pdf-trainer-edition = Edición para formadores
pdf-contents = Índice
pdf-page = Página
pdf-date = Fecha
pdf-about = Acerca de esta publicación
pdf-project = Proyecto
pdf-programme = Programa
pdf-project-number = Número de proyecto
pdf-authors = Autores
pdf-web-version = Versión web
pdf-introduction = Introducción

## Footer

# Link to the accessibility statement (its text is in accessibility.ftl).
accessibility-statement = Declaración de accesibilidad
## Búsqueda y catálogo de módulos

search-label = Buscar en los módulos formativos
search-placeholder = Buscar módulos
search-button = Buscar
search-results = { $count ->
    [one] Un resultado para «{ $query }»
   *[other] { $count } resultados para «{ $query }»
}
search-no-results = Ningún resultado para «{ $query }»
search-catalogue-link = Ver todos los módulos en el catálogo
catalogue = Catálogo de módulos
catalogue-title = Catálogo de módulos
catalogue-intro = Todos los módulos de esta versión con su producto formativo, duración, destinatarios y nivel EQF. Acote la lista con los filtros.
catalogue-filters = Filtros
catalogue-text = Palabras
catalogue-output = Producto formativo
catalogue-duration-min = Como mínimo (minutos)
catalogue-duration-max = Como máximo (minutos)
catalogue-my-language = Solo módulos disponibles en { $language }
catalogue-apply = Aplicar filtros
catalogue-reset = Mostrar todos los módulos
catalogue-count = { $count ->
    [one] Un módulo
   *[other] { $count } módulos
}
catalogue-no-match = Ningún módulo cumple estos filtros.
catalogue-available-in = Disponible en
catalogue-noscript = Sin JavaScript los filtros no acotan la lista: abajo figuran todos los módulos.

# La página del glosario: los términos acordados de todas las lenguas, uno junto a otro.
glossary = Glosario
glossary-intro = Los términos que los socios del proyecto acordaron para cada lengua, uno junto a otro: utilícelos en la formación y en las traducciones.
glossary-also = también
glossary-avoid = evitar
glossary-unsure = aún no contrastado con la terminología oficial de la UE
glossary-none = ningún término acordado
glossary-sources = Fuentes

# The trainer's view of a module: activities, facilitation notes and the session plan.
trainer-view = Vista para formadores
trainer-view-intro = Para formadoras y formadores: plan de la sesión, notas de facilitación y materiales de este módulo.
learner-view = Página para participantes
trainer-note = Nota para quien forma
activity-materials = Materiales
activity-handout = Hoja para participantes
activity-minutes-unit = min
activity-format-individual = Trabajo individual
activity-format-pair = Trabajo en parejas
activity-format-group = Trabajo en grupo
activity-format-plenary = Plenario
activity-format-presentation = Presentación
activity-format-role-play = Juego de roles
session-plan = Plan de la sesión
session-plan-start = Inicio
session-plan-duration = Minutos
session-plan-activity = Actividad
session-plan-format = Modalidad
session-plan-materials = Materiales
catalogue-handouts = Solo módulos con hojas para participantes
catalogue-activities = Actividades
session-plan-total = Actividades: { $minutes } de { $duration } minutos
session-plan-programme = Programa
session-plan-break = Pausa
session-plan-programme-total = En total: { $minutes } minutos, pausas incluidas
