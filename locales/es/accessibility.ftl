### Declaración de accesibilidad (español), una página por versión e idioma.
###
### Sigue el modelo de declaración de accesibilidad de la Decisión de Ejecución (UE) 2018/1523
### de la Comisión; los títulos de las secciones siguen su versión española
### (según nuestro conocimiento; sin cotejar con el texto del Diario Oficial).
### Solo texto: nada de HTML ni de marcado.

accessibility-title = Declaración de accesibilidad
accessibility-summary = Hasta qué punto es accesible este sitio web, qué contenidos sabemos que todavía no lo son y cómo comunicarnos problemas.
accessibility-commitment = Las organizaciones que publican { $site } se han comprometido a hacer accesible este sitio web, de conformidad con la Directiva (UE) 2016/2102 del Parlamento Europeo y del Consejo sobre la accesibilidad de los sitios web y aplicaciones para dispositivos móviles de los organismos del sector público, tal como se ha transpuesto al Derecho nacional.
accessibility-scope = La presente declaración de accesibilidad se aplica al sitio web { $site }, versión { $version }, en todos sus idiomas.

accessibility-status-heading = Situación de cumplimiento
accessibility-status-full = Este sitio web es plenamente conforme con la norma europea armonizada EN 301 549 y con las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.1, nivel AA.
accessibility-status-partial = Este sitio web es parcialmente conforme con la norma europea armonizada EN 301 549 y con las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.1, nivel AA, debido a las faltas de conformidad que se enumeran a continuación.
accessibility-status-none = Este sitio web no es conforme con la norma europea armonizada EN 301 549 ni con las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.1, nivel AA. Las faltas de conformidad se enumeran a continuación.

accessibility-limitations-heading = Contenido no accesible
accessibility-limitations-intro = El contenido que se recoge a continuación no es accesible, o no lo es plenamente, por los siguientes motivos:
accessibility-limitations-none = No tenemos conocimiento de ningún contenido de este sitio web que no sea accesible.
accessibility-limitation-pdf = Documentos PDF: las versiones en PDF descargables de los módulos y de los resultados del proyecto todavía no se han comprobado con respecto a los requisitos para documentos PDF (EN 301 549, capítulo 10). Es posible que las tablas, las figuras y el orden de lectura no se transmitan correctamente a los productos de apoyo. Cada PDF tiene el mismo contenido que una página de este sitio web, que es la versión accesible.
accessibility-limitation-figure-text = Figuras: algunos diagramas son dibujos con texto en su interior. Mientras una figura no se haya vuelto a dibujar en su idioma, sus rótulos están en inglés, también en las páginas traducidas. El texto alternativo de cada figura la describe con palabras.

accessibility-preparation-heading = Preparación de la presente declaración de accesibilidad
accessibility-prepared = La presente declaración se preparó el { $date }.
accessibility-method = El método empleado ha sido una autoevaluación del equipo del proyecto, con pruebas automáticas en un navegador real (axe-core) de cada tipo de página en cada idioma y pruebas de uso con el teclado, en pantallas estrechas y al imprimir. Las pruebas automáticas solo detectan una parte de los problemas de accesibilidad; el sitio web todavía no ha sido evaluado por personas expertas independientes ni probado por usuarios de productos de apoyo.

accessibility-feedback-heading = Observaciones y datos de contacto
accessibility-feedback = Si encuentra un problema de accesibilidad que no figure aquí, o necesita contenidos de este sitio web en otro formato, póngase en contacto con nosotros:
accessibility-no-contact = Este sitio web todavía no publica una dirección propia para las observaciones sobre accesibilidad. Mientras tanto, diríjase a la organización socia del proyecto en su país, o a la organización que le facilitó estos materiales, y pídale que transmita su mensaje al equipo del proyecto.
accessibility-partners = Los socios del proyecto son:

accessibility-enforcement-heading = Procedimiento de aplicación
accessibility-enforcement = Si la respuesta a su comunicación o solicitud no le resulta satisfactoria, puede dirigirse al organismo encargado de velar por el cumplimiento de la Directiva sobre la accesibilidad de los sitios web en su Estado miembro.
accessibility-enforcement-link = Datos de contacto del organismo competente

accessibility-date = { $day } de { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
} de { $year }
