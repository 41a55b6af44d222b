<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Deck::Gui</name>
    <message>
        <source>Kernel log line on %1</source>
        <translation>Línea del registro del kernel en %1</translation>
    </message>
    <message>
        <source>State change on %1</source>
        <translation>Cambio de estado en %1</translation>
    </message>
    <message>
        <source>%1 change on %2</source>
        <translation>Cambio de %1 en %2</translation>
    </message>
    <message>
        <source> UTC</source>
        <translation> UTC</translation>
    </message>
    <message>
        <source>severity %1</source>
        <translation>gravedad %1</translation>
    </message>
    <message>
        <source>Alert #%1</source>
        <translation>Alerta n.º %1</translation>
    </message>
    <message>
        <source> (by %1 at %2 UTC)</source>
        <translation> (por %1 a las %2 UTC)</translation>
    </message>
    <message>
        <source>This stored event could not be read: %1</source>
        <translation>No se pudo leer este evento almacenado: %1</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Kernel log</source>
        <translation>Registro del kernel</translation>
    </message>
    <message>
        <source>Stored event</source>
        <translation>Evento almacenado</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abrir</translation>
    </message>
    <message>
        <source>exec</source>
        <translation>ejecutar</translation>
    </message>
    <message>
        <source>write</source>
        <translation>escribir</translation>
    </message>
    <message>
        <source>create</source>
        <translation>crear</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>eliminar</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>renombrar</translation>
    </message>
    <message>
        <source>renamed to</source>
        <translation>renombrado a</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>ya importado</translation>
    </message>
    <message>
        <source>held for trust</source>
        <translation>retenido a la espera de confianza</translation>
    </message>
    <message>
        <source>held: chain fork</source>
        <translation>retenido: bifurcación de la cadena</translation>
    </message>
    <message>
        <source>refused: signer</source>
        <translation>rechazado: firmante</translation>
    </message>
    <message>
        <source>refused: invalid</source>
        <translation>rechazado: no válido</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>revertido</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Sec.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>inaccesible</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>tiempo agotado</translation>
    </message>
    <message>
        <source>unknown host key: needs your decision</source>
        <translation>clave de equipo desconocida: requiere su decisión</translation>
    </message>
    <message>
        <source>REFUSED: host key changed</source>
        <translation>RECHAZADO: la clave del equipo ha cambiado</translation>
    </message>
    <message>
        <source>login refused</source>
        <translation>inicio de sesión rechazado</translation>
    </message>
    <message>
        <source>SSH/SFTP error</source>
        <translation>error de SSH/SFTP</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>remote file error</source>
        <translation>error de fichero remoto</translation>
    </message>
    <message>
        <source>local file error</source>
        <translation>error de fichero local</translation>
    </message>
    <message>
        <source>not supported</source>
        <translation>no admitido</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::CaseKeyActions</name>
    <message>
        <source>Case &amp;Key...</source>
        <translation>C&amp;lave del caso...</translation>
    </message>
    <message>
        <source>Read the key that decrypts archives encrypted to this case (kept in memory only)</source>
        <translation>Leer la clave que descifra los archivos cifrados para este caso (solo se guarda en memoria)</translation>
    </message>
    <message>
        <source>&amp;Forget Case Key</source>
        <translation>&amp;Olvidar clave del caso</translation>
    </message>
    <message>
        <source>No case is open: open a case before giving its key.</source>
        <translation>No hay ningún caso abierto: abra un caso antes de indicar su clave.</translation>
    </message>
    <message>
        <source>Case Key</source>
        <translation>Clave del caso</translation>
    </message>
    <message>
        <source>Case key files (*.key);;All files (*)</source>
        <translation>Ficheros de clave del caso (*.key);;Todos los ficheros (*)</translation>
    </message>
    <message>
        <source>Case key not read: %1</source>
        <translation>No se leyó la clave del caso: %1</translation>
    </message>
    <message>
        <source>Case key %1</source>
        <translation>Clave del caso %1</translation>
    </message>
    <message>
        <source>No case key</source>
        <translation>Sin clave del caso</translation>
    </message>
    <message>
        <source>Archives encrypted to %1 are decrypted on import</source>
        <translation>Los archivos cifrados para %1 se descifran al importarlos</translation>
    </message>
    <message>
        <source>Archives encrypted to the case cannot be imported: Case &gt; Case Key</source>
        <translation>Los archivos cifrados para el caso no se pueden importar: Caso &gt; Clave del caso</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::CoverageLanesWidget</name>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>No hosts in the case: no coverage to show.</source>
        <translation>No hay equipos en el caso: no hay cobertura que mostrar.</translation>
    </message>
    <message>
        <source>%1: click to show its events in the chart.</source>
        <translation>%1: haga clic para mostrar sus eventos en el gráfico.</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::DataInPage</name>
    <message>
        <source>Stop Watching</source>
        <translation>Dejar de vigilar</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Import &amp;Folder...</source>
        <translation>Importar &amp;carpeta...</translation>
    </message>
    <message>
        <source>Import F&amp;iles...</source>
        <translation>Importar f&amp;icheros...</translation>
    </message>
    <message>
        <source>&amp;Pull from Hosts...</source>
        <translation>&amp;Recoger de los equipos...</translation>
    </message>
    <message>
        <source>&amp;Watch Inbox Folder...</source>
        <translation>&amp;Vigilar carpeta de bandeja de entrada...</translation>
    </message>
    <message>
        <source>Or drop .frec files and folders on the window.</source>
        <translation>O arrastre ficheros .frec y carpetas a la ventana.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Inbox not watched: %1</source>
        <translation>Bandeja de entrada no vigilada: %1</translation>
    </message>
    <message>
        <source>Open a case to import archives, pull them from hosts or watch an inbox folder.</source>
        <translation>Abra un caso para importar archivos, recogerlos de los equipos o vigilar una carpeta de bandeja de entrada.</translation>
    </message>
    <message>
        <source>Inbox: not watching. Collectors that push archives (flightrec push) upload them into a folder; Watch Inbox Folder imports each one as it arrives.</source>
        <translation>Bandeja de entrada: sin vigilar. Los recolectores que envían archivos (flightrec push) los suben a una carpeta; «Vigilar carpeta de bandeja de entrada» importa cada uno en cuanto llega.</translation>
    </message>
    <message>
        <source>Inbox: watching &lt;b&gt;%1&lt;/b&gt;: %2 imported, %3 in the case already, %4 held for trust, %5 refused</source>
        <translation>Bandeja de entrada: vigilando &lt;b&gt;%1&lt;/b&gt;: %2 importados, %3 ya en el caso, %4 retenidos a la espera de confianza, %5 rechazados</translation>
    </message>
    <message numerus="yes">
        <source>, %n still being written</source>
        <translation>
            <numerusform>, %n aún en escritura</numerusform>
            <numerusform>, %n aún en escritura</numerusform>
        </translation>
    </message>
    <message>
        <source> Last import %1 UTC.</source>
        <translation> Última importación: %1 UTC.</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>Último problema: %1</translation>
    </message>
    <message>
        <source>Import Archives</source>
        <translation>Importar archivos</translation>
    </message>
    <message>
        <source>Open or create a case first (Case &gt; Open Case).</source>
        <translation>Abra o cree primero un caso (Caso &gt; Abrir caso).</translation>
    </message>
    <message>
        <source>Import a Folder of Archives</source>
        <translation>Importar una carpeta de archivos</translation>
    </message>
    <message>
        <source>Flight Recorder archives (*.frec);;All files (*)</source>
        <translation>Archivos de Flight Recorder (*.frec);;Todos los ficheros (*)</translation>
    </message>
    <message>
        <source>Watch an Inbox Folder</source>
        <translation>Vigilar una carpeta de bandeja de entrada</translation>
    </message>
    <message>
        <source>Data In</source>
        <translation>Entrada de datos</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::DetectionControls</name>
    <message>
        <source>Run &amp;Detections</source>
        <translation>Ejecutar &amp;detecciones</translation>
    </message>
    <message>
        <source>Evaluate the detection rules of the rules folder over the whole case (Ctrl+Shift+D); an alert already raised is not raised again</source>
        <translation>Evaluar las reglas de detección de la carpeta de reglas sobre todo el caso (Ctrl+Shift+D); una alerta ya generada no se vuelve a generar</translation>
    </message>
    <message>
        <source>Rules Folder...</source>
        <translation>Carpeta de reglas...</translation>
    </message>
    <message>
        <source>Choose the folder of detection rules (*.rule) used by Run Detections and by imports</source>
        <translation>Elegir la carpeta de reglas de detección (*.rule) que usan «Ejecutar detecciones» y las importaciones</translation>
    </message>
    <message>
        <source>Evaluating rule %1 of %2: %3</source>
        <translation>Evaluando la regla %1 de %2: %3</translation>
    </message>
    <message>
        <source>No rules folder: choose one with Rules Folder...</source>
        <translation>No hay carpeta de reglas: elija una con Carpeta de reglas...</translation>
    </message>
    <message>
        <source>Run Detections</source>
        <translation>Ejecutar detecciones</translation>
    </message>
    <message>
        <source>Loading the rules of %1...</source>
        <translation>Cargando las reglas de %1...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Detection Rules Folder</source>
        <translation>Carpeta de reglas de detección</translation>
    </message>
    <message>
        <source>Detections cancelled; no alert of the run was kept.</source>
        <translation>Detecciones canceladas; no se conservó ninguna alerta de la ejecución.</translation>
    </message>
    <message>
        <source>Detections failed: %1</source>
        <translation>Error en las detecciones: %1</translation>
    </message>
    <message>
        <source>%1 rules evaluated: %2 objects match, %3 new alerts.</source>
        <translation>%1 reglas evaluadas: %2 objetos coinciden, %3 alertas nuevas.</translation>
    </message>
    <message>
        <source>Rule files skipped:</source>
        <translation>Ficheros de reglas omitidos:</translation>
    </message>
    <message>
        <source>Waiting for the import or pull in progress to end...</source>
        <translation>Esperando a que termine la importación o descarga en curso...</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::DisplayFilterBar</name>
    <message>
        <source>&lt;p&gt;Compare fields with &lt;code&gt;== != contains &amp;lt; &amp;gt; &amp;lt;= &amp;gt;=&lt;/code&gt;, combine with &lt;code&gt;and or not&lt;/code&gt; and parentheses; quote text with &quot;...&quot; (escapes \&quot; \\ \n \t \xHH). Enter applies.&lt;/p&gt;&lt;table&gt;%1&lt;/table&gt;</source>
        <translation>&lt;p&gt;Compare campos con &lt;code&gt;== != contains &amp;lt; &amp;gt; &amp;lt;= &amp;gt;=&lt;/code&gt;, combínelos con &lt;code&gt;and or not&lt;/code&gt; y paréntesis; ponga el texto entre comillas &quot;...&quot; (escapes \&quot; \\ \n \t \xHH). Intro aplica el filtro.&lt;/p&gt;&lt;table&gt;%1&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Display filter, e.g. proc.exe contains &quot;curl&quot; and net.rport == 443   (Ctrl+/)</source>
        <translation>Filtro de visualización, p. ej. proc.exe contains &quot;curl&quot; and net.rport == 443   (Ctrl+/)</translation>
    </message>
    <message>
        <source>Apply the display filter (Enter)</source>
        <translation>Aplicar el filtro de visualización (Intro)</translation>
    </message>
    <message>
        <source>Invalid filter — %1</source>
        <translation>Filtro no válido — %1</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::EventsPage</name>
    <message>
        <source>Show all hosts and times</source>
        <translation>Mostrar todos los equipos y horas</translation>
    </message>
    <message>
        <source>Clear the host and time range selected in the other views</source>
        <translation>Borrar el equipo y el intervalo de tiempo seleccionados en las demás vistas</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation>Error en la consulta: %1</translation>
    </message>
    <message>
        <source>Open a case (File &gt; Open) to see every event it holds: processes, files, connections, integrity changes and losses, in time order.</source>
        <translation>Abra un caso (Archivo &gt; Abrir) para ver todos los eventos que contiene: procesos, ficheros, conexiones, cambios de integridad y pérdidas, en orden cronológico.</translation>
    </message>
    <message>
        <source>Host %1 only</source>
        <translation>Solo el equipo %1</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Todos los equipos</translation>
    </message>
    <message>
        <source>from %1 to %2 UTC</source>
        <translation>desde %1 hasta %2 UTC</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>el inicio</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>el final</translation>
    </message>
    <message>
        <source>all times</source>
        <translation>todo el tiempo</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 eventos</translation>
    </message>
    <message>
        <source>%1 events so far, counting…</source>
        <translation>%1 eventos hasta ahora, contando…</translation>
    </message>
    <message>
        <source>No events in this case for the host and time range selected.</source>
        <translation>No hay eventos en este caso para el equipo y el intervalo de tiempo seleccionados.</translation>
    </message>
    <message>
        <source>No event matches the filter “%1” for the host and time range selected.</source>
        <translation>Ningún evento coincide con el filtro «%1» para el equipo y el intervalo de tiempo seleccionados.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>%1 events so far of about %2, counting…</source>
        <translation>%1 eventos hasta ahora de unos %2, contando…</translation>
    </message>
    <message>
        <source>%1 events counted; counting stopped</source>
        <translation>%1 eventos contados; recuento detenido</translation>
    </message>
    <message>
        <source>%1 events counted of about %2; counting stopped</source>
        <translation>%1 eventos contados de unos %2; recuento detenido</translation>
    </message>
    <message>
        <source>Stop counting</source>
        <translation>Detener recuento</translation>
    </message>
    <message>
        <source>Count the rest</source>
        <translation>Contar el resto</translation>
    </message>
    <message>
        <source>Stop counting the events (Esc): the rows counted so far stay and can be read</source>
        <translation>Detener el recuento de eventos (Esc): las filas contadas hasta ahora se conservan y se pueden leer</translation>
    </message>
    <message>
        <source>Count the rest of the events, to scroll beyond the rows counted</source>
        <translation>Contar el resto de los eventos, para desplazarse más allá de las filas contadas</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::FileGraphPage</name>
    <message>
        <source>No process or file selected.

Select a process (in the process tree or the events) or a file to see which files it touched or which processes touched it. Double-click a node to expand it; click it to select it in every view.</source>
        <translation>Ningún proceso ni fichero seleccionado.

Seleccione un proceso (en el árbol de procesos o en los eventos) o un fichero para ver qué ficheros tocó o qué procesos lo tocaron. Haga doble clic en un nodo para expandirlo; haga clic para seleccionarlo en todas las vistas.</translation>
    </message>
    <message>
        <source>%1: no file events in this time range.</source>
        <translation>%1: no hay eventos de ficheros en este intervalo de tiempo.</translation>
    </message>
    <message>
        <source>File Access</source>
        <translation>Acceso a ficheros</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::FollowProcessDialog</name>
    <message>
        <source>Follow Process #%1</source>
        <translation>Seguir el proceso n.º %1</translation>
    </message>
    <message>
        <source>Following process #%1 across hosts…</source>
        <translation>Siguiendo el proceso n.º %1 a través de los equipos…</translation>
    </message>
    <message>
        <source>connection to web-01 (4-tuple+ssh-env)</source>
        <translation>conexión a web-01 (4-tuple+ssh-env)</translation>
    </message>
    <message>
        <source>ssh session (SSH_CONNECTION)</source>
        <translation>sesión ssh (SSH_CONNECTION)</translation>
    </message>
    <message>
        <source>The chain could not be read: %1</source>
        <translation>No se pudo leer la cadena: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (pid %2) on %3: %n stitched connection(s) across %4 host(s). Times in the last column are on %3&apos;s clock; the recorded times are not changed.</source>
        <translation>
            <numerusform>%1 (pid %2) en %3: %n conexión enlazada a través de %4 equipos. Las horas de la última columna están en el reloj de %3; las horas registradas no se modifican.</numerusform>
            <numerusform>%1 (pid %2) en %3: %n conexiones enlazadas a través de %4 equipos. Las horas de la última columna están en el reloj de %3; las horas registradas no se modifican.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to follow.</source>
        <translation>Nada que seguir.</translation>
    </message>
    <message>
        <source>&amp;Follow Process</source>
        <translation>Se&amp;guir proceso</translation>
    </message>
    <message>
        <source>The process&apos;s chain across monitored hosts: its connections, the processes that accepted them and what they ran</source>
        <translation>La cadena del proceso a través de los equipos supervisados: sus conexiones, los procesos que las aceptaron y lo que ejecutaron</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::GraphMarks</name>
    <message>
        <source>Bookmarked</source>
        <translation>Con marcador</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <source>Bookmarked: %1</source>
        <translation>Marcador: %1</translation>
    </message>
    <message>
        <source>Note on %1: %2</source>
        <translation>Nota sobre %1: %2</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::GraphPanel</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Events up to:</source>
        <translation>Eventos hasta:</translation>
    </message>
    <message>
        <source>Show only the events up to this time (all the way right: every event in the range)</source>
        <translation>Mostrar solo los eventos hasta esta hora (totalmente a la derecha: todos los eventos del intervalo)</translation>
    </message>
    <message>
        <source>The graph could not be read: %1</source>
        <translation>No se pudo leer el grafo: %1</translation>
    </message>
    <message>
        <source>%1: nothing found in this time range.</source>
        <translation>%1: no se encontró nada en este intervalo de tiempo.</translation>
    </message>
    <message>
        <source>every event</source>
        <translation>todos los eventos</translation>
    </message>
    <message>
        <source>Nodes: %1, edges: %2</source>
        <translation>Nodos: %1, aristas: %2</translation>
    </message>
    <message>
        <source>; %1 more not shown (double-click a &quot;more&quot; node)</source>
        <translation>; %1 más no mostrados (haga doble clic en un nodo «más»)</translation>
    </message>
    <message>
        <source>; the graph is at its limit of %1 nodes: clear it or start from another node</source>
        <translation>; el grafo está en su límite de %1 nodos: bórrelo o empiece desde otro nodo</translation>
    </message>
    <message>
        <source>. Double-click a node to expand it (bold: expanded).</source>
        <translation>. Haga doble clic en un nodo para expandirlo (negrita: expandido).</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::GraphView</name>
    <message numerus="yes">
        <source>%n more…</source>
        <translation>
            <numerusform>%n más…</numerusform>
            <numerusform>%n más…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 more not shown.
Double-click to show the next ones.</source>
        <translation>%1 más no mostrados.
Haga doble clic para mostrar los siguientes.</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Equipos</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Procesos</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Ficheros</translation>
    </message>
    <message>
        <source>Remote addresses</source>
        <translation>Direcciones remotas</translation>
    </message>
    <message>
        <source>%1
first %2
last %3</source>
        <translation>%1
primero %2
último %3</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::HostsPage</name>
    <message>
        <source>Archives</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Importing %1 (%2 of %3)</source>
        <translation>Importando %1 (%2 de %3)</translation>
    </message>
    <message>
        <source>&amp;Decide Trust...</source>
        <translation>&amp;Decidir confianza...</translation>
    </message>
    <message>
        <source>Trust or refuse the signer of the selected archive (Enter or double-click a row)</source>
        <translation>Confiar en el firmante del archivo seleccionado o rechazarlo (Intro o doble clic en una fila)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Cuarentena</translation>
    </message>
    <message>
        <source>No case open.
Open or create one with Case &gt; Open Case... (Ctrl+O).</source>
        <translation>Ningún caso abierto.
Abra o cree uno con Caso &gt; Abrir caso... (Ctrl+O).</translation>
    </message>
    <message>
        <source>The hosts could not be read: %1</source>
        <translation>No se pudieron leer los equipos: %1</translation>
    </message>
    <message>
        <source>This case has no hosts yet.
Import archives or pull them from your hosts; each host appears here once its first archive is verified, or is held for your trust decision.</source>
        <translation>Este caso aún no tiene equipos.
Importe archivos o recójalos de sus equipos; cada equipo aparece aquí en cuanto se verifica su primer archivo o queda retenido a la espera de su decisión de confianza.</translation>
    </message>
    <message>
        <source>Quarantine (%1)</source>
        <translation>Cuarentena (%1)</translation>
    </message>
    <message numerus="yes">
        <source>, %n refused</source>
        <translation>
            <numerusform>, %n rechazado</numerusform>
            <numerusform>, %n rechazados</numerusform>
        </translation>
    </message>
    <message>
        <source>Archives of %1</source>
        <translation>Archivos de %1</translation>
    </message>
    <message>
        <source>%1 has no imported archives: its archives wait in the Quarantine tab for a trust decision.</source>
        <translation>%1 no tiene archivos importados: sus archivos esperan en la pestaña Cuarentena una decisión de confianza.</translation>
    </message>
    <message>
        <source>Select a host above to see its chain of custody: every archive with its sequence number, time range, digest, signer, verdict and source.</source>
        <translation>Seleccione un equipo arriba para ver su cadena de custodia: cada archivo con su número de secuencia, intervalo de tiempo, resumen, firmante, veredicto y origen.</translation>
    </message>
    <message>
        <source>Trusting the key...</source>
        <translation>Confiando en la clave...</translation>
    </message>
    <message>
        <source>Not trusted: %1</source>
        <translation>Sin confianza: %1</translation>
    </message>
    <message>
        <source>the first host whose archives it signs</source>
        <translation>el primer equipo cuyos archivos firme</translation>
    </message>
    <message>
        <source>Trusted %1 for %2. Held archives imported: %3.</source>
        <translation>Se confió en %1 para %2. Archivos retenidos importados: %3.</translation>
    </message>
    <message>
        <source>Cancelled: the archive being imported was rolled back; those imported before stay.</source>
        <translation>Cancelado: el archivo que se estaba importando se revirtió; los importados antes se conservan.</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Equipos</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::ImportDialog</name>
    <message>
        <source>Import Archives</source>
        <translation>Importar archivos</translation>
    </message>
    <message>
        <source>Looking for archives in %1 ...</source>
        <translation>Buscando archivos en %1 ...</translation>
    </message>
    <message numerus="yes">
        <source>Looking for archives in %n files and folders ...</source>
        <translation>
            <numerusform>Buscando archivos en %n fichero o carpeta ...</numerusform>
            <numerusform>Buscando archivos en %n ficheros y carpetas ...</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling: the archive being imported is rolled back, no other is started ...</source>
        <translation>Cancelando: el archivo que se está importando se revierte y no se inicia ningún otro ...</translation>
    </message>
    <message numerus="yes">
        <source>%n places</source>
        <translation>
            <numerusform>%n ubicación</numerusform>
            <numerusform>%n ubicaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n archives (%1) from %2</source>
        <translation>
            <numerusform>Importando %n archivo (%1) de %2</numerusform>
            <numerusform>Importando %n archivos (%1) de %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 archives</source>
        <translation>%1 de %2 archivos</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n not started</source>
        <translation>
            <numerusform>%n no iniciado</numerusform>
            <numerusform>%n no iniciados</numerusform>
        </translation>
    </message>
    <message>
        <source>No .frec archives were found.</source>
        <translation>No se encontraron archivos .frec.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>no importado</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>cancelado antes de empezar</translation>
    </message>
    <message>
        <source>%1: not imported: the import was cancelled before it started</source>
        <translation>%1: no importado: la importación se canceló antes de empezar</translation>
    </message>
    <message>
        <source>no archives</source>
        <translation>ningún archivo</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <source>Cancelled. %1 was being imported and was rolled back; the case holds only whole archives.</source>
        <translation>Cancelado. %1 se estaba importando y se revirtió; el caso solo contiene archivos completos.</translation>
    </message>
    <message>
        <source>Cancelled between two archives; the case holds only whole archives.</source>
        <translation>Cancelado entre dos archivos; el caso solo contiene archivos completos.</translation>
    </message>
    <message>
        <source> - now: %1</source>
        <translation> - ahora: %1</translation>
    </message>
    <message numerus="yes">
        <source> - %n not committed yet</source>
        <translation>
            <numerusform> - %n aún sin confirmar</numerusform>
            <numerusform> - %n aún sin confirmar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deck::Gui::IndicatorsPage</name>
    <message>
        <source>Add &amp;File...</source>
        <translation>Añadir &amp;fichero...</translation>
    </message>
    <message>
        <source>Add &amp;URL...</source>
        <translation>Añadir &amp;URL...</translation>
    </message>
    <message>
        <source>&amp;Update All</source>
        <translation>&amp;Actualizar todas</translation>
    </message>
    <message>
        <source>&amp;Match Again</source>
        <translation>Volver a &amp;buscar coincidencias</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>While a case is open, lists from URLs are fetched again this often (conditional requests: an unchanged list is not downloaded again).</source>
        <translation>Mientras hay un caso abierto, las listas de URL se vuelven a obtener con esta frecuencia (peticiones condicionales: una lista sin cambios no se vuelve a descargar).</translation>
    </message>
    <message>
        <source>Open a case to manage its indicator lists.</source>
        <translation>Abra un caso para gestionar sus listas de indicadores.</translation>
    </message>
    <message>
        <source>No indicator lists yet.

Add a list of IP addresses and CIDR ranges, domains, file digests or path patterns from a file or a URL: plain text, one per line (&apos;#&apos; comments), or CSV with a &apos;type&apos; and a &apos;value&apos; column. Every match becomes an alert.</source>
        <translation>Aún no hay listas de indicadores.

Añada una lista de direcciones IP y rangos CIDR, dominios, resúmenes de ficheros o patrones de ruta desde un fichero o una URL: texto sin formato, uno por línea (comentarios con &apos;#&apos;), o CSV con una columna &apos;type&apos; y una columna &apos;value&apos;. Cada coincidencia se convierte en una alerta.</translation>
    </message>
    <message>
        <source>No indicator matched the case.

Addresses are matched against connections (remote and local), digests against the executables&apos; BLAKE2b-256, path patterns against every recorded path, and domains against process arguments and paths (the collector records no DNS).</source>
        <translation>Ningún indicador coincidió con el caso.

Las direcciones se comparan con las conexiones (remotas y locales), los resúmenes con el BLAKE2b-256 de los ejecutables, los patrones de ruta con todas las rutas registradas y los dominios con los argumentos de los procesos y las rutas (el recolector no registra DNS).</translation>
    </message>
    <message>
        <source>Refresh URL lists &amp;every:</source>
        <translation>Actualizar las listas de URL &amp;cada:</translation>
    </message>
    <message>
        <source>%1: %2 of %3 KiB</source>
        <translation>%1: %2 de %3 KiB</translation>
    </message>
    <message>
        <source>%1: %2 KiB</source>
        <translation>%1: %2 KiB</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
    <message>
        <source>Matches: the newest %1 (double-click to select the evidence in every view)</source>
        <translation>Coincidencias: las %1 más recientes (doble clic para seleccionar las evidencias en todas las vistas)</translation>
    </message>
    <message>
        <source>Matches: %1 (double-click to select the evidence in every view)</source>
        <translation>Coincidencias: %1 (doble clic para seleccionar las evidencias en todas las vistas)</translation>
    </message>
    <message>
        <source>Add Indicator List</source>
        <translation>Añadir lista de indicadores</translation>
    </message>
    <message>
        <source>Indicator lists (*.txt *.csv *.list *.ioc);;All files (*)</source>
        <translation>Listas de indicadores (*.txt *.csv *.list *.ioc);;Todos los ficheros (*)</translation>
    </message>
    <message>
        <source>Name of the list:</source>
        <translation>Nombre de la lista:</translation>
    </message>
    <message>
        <source>URL of the list (http or https):</source>
        <translation>URL de la lista (http o https):</translation>
    </message>
    <message>
        <source>%1 is not an http or https URL.</source>
        <translation>%1 no es una URL http o https.</translation>
    </message>
    <message>
        <source>Remove Indicator List</source>
        <translation>Quitar lista de indicadores</translation>
    </message>
    <message>
        <source>Remove the indicator list “%1”? The alerts it raised stay in the case.</source>
        <translation>¿Quitar la lista de indicadores «%1»? Las alertas que generó se conservan en el caso.</translation>
    </message>
    <message>
        <source>The evidence of this match is no longer in the case.</source>
        <translation>Las evidencias de esta coincidencia ya no están en el caso.</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicadores</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::IntegrityPage</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nueva</translation>
    </message>
    <message>
        <source>&amp;Investigating</source>
        <translation>&amp;En investigación</translation>
    </message>
    <message>
        <source>&amp;Benign</source>
        <translation>&amp;Benigna</translation>
    </message>
    <message>
        <source>&amp;Malicious</source>
        <translation>&amp;Maliciosa</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>E&amp;quipo:</translation>
    </message>
    <message>
        <source>Show All Times</source>
        <translation>Mostrar todo el tiempo</translation>
    </message>
    <message>
        <source>Clear the time range of every view</source>
        <translation>Borrar el intervalo de tiempo de todas las vistas</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>All alerts</source>
        <translation>Todas las alertas</translation>
    </message>
    <message>
        <source>Open (new or investigating)</source>
        <translation>Abiertas (nuevas o en investigación)</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Solo %1</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Mo&amp;strar:</translation>
    </message>
    <message>
        <source>Triage:</source>
        <translation>Triaje:</translation>
    </message>
    <message>
        <source>Mark the selected alert %1 (%2)</source>
        <translation>Marcar la alerta seleccionada como %1 (%2)</translation>
    </message>
    <message>
        <source>No alert in the triage states shown.</source>
        <translation>Ninguna alerta en los estados de triaje mostrados.</translation>
    </message>
    <message>
        <source>No alerts on the selected host in the selected time range.</source>
        <translation>No hay alertas en el equipo seleccionado en el intervalo de tiempo seleccionado.</translation>
    </message>
    <message>
        <source>Set &amp;Triage</source>
        <translation>Establecer &amp;triaje</translation>
    </message>
    <message>
        <source>State changes</source>
        <translation>Cambios de estado</translation>
    </message>
    <message>
        <source>No integrity change on the selected host in the selected time range.</source>
        <translation>Ningún cambio de integridad en el equipo seleccionado en el intervalo de tiempo seleccionado.</translation>
    </message>
    <message>
        <source>No integrity change in this case: the collectors&apos; checks saw the same state throughout.</source>
        <translation>Ningún cambio de integridad en este caso: las comprobaciones de los recolectores vieron el mismo estado todo el tiempo.</translation>
    </message>
    <message>
        <source>Alert #%1 marked %2.</source>
        <translation>Alerta n.º %1 marcada como %2.</translation>
    </message>
    <message>
        <source>The state change of this alert is not in the case.</source>
        <translation>El cambio de estado de esta alerta no está en el caso.</translation>
    </message>
    <message>
        <source>Open a case (Case &gt; Open Case...) to see the integrity changes of its hosts and the alerts raised from them.</source>
        <translation>Abra un caso (Caso &gt; Abrir caso...) para ver los cambios de integridad de sus equipos y las alertas generadas a partir de ellos.</translation>
    </message>
    <message>
        <source>Select an alert or a state change to see what changed.</source>
        <translation>Seleccione una alerta o un cambio de estado para ver qué cambió.</translation>
    </message>
    <message>
        <source>The collector&apos;s integrity checks report installed packages, package files that differ from dpkg&apos;s digests, kernel modules, BPF programs, watched files, logins and listening sockets; kernel log lines about modules and BPF are listed with them. High-severity changes raise alerts. Double-click a row to show its host in every view.</source>
        <translation>Las comprobaciones de integridad del recolector informan de paquetes instalados, ficheros de paquetes que difieren de los resúmenes de dpkg, módulos del kernel, programas BPF, ficheros vigilados, inicios de sesión y sockets en escucha; las líneas del registro del kernel sobre módulos y BPF se listan con ellos. Los cambios de gravedad alta generan alertas. Haga doble clic en una fila para mostrar su equipo en todas las vistas.</translation>
    </message>
    <message>
        <source>host #%1</source>
        <translation>equipo n.º %1</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Todos los equipos</translation>
    </message>
    <message>
        <source>Time: all</source>
        <translation>Tiempo: todo</translation>
    </message>
    <message>
        <source>Time: %1 to %2 UTC</source>
        <translation>Tiempo: %1 a %2 UTC</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>el inicio</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>el final</translation>
    </message>
    <message>
        <source>could not be read: %1</source>
        <translation>no se pudo leer: %1</translation>
    </message>
    <message>
        <source>%1 (the first ones only; narrow the host or time range)</source>
        <translation>%1 (solo los primeros; acote el equipo o el intervalo de tiempo)</translation>
    </message>
    <message>
        <source>1 alert</source>
        <translation>1 alerta</translation>
    </message>
    <message>
        <source>%1 alerts</source>
        <translation>%1 alertas</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 cambio</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 cambios</translation>
    </message>
    <message>
        <source>Integrity &amp;&amp; Alerts</source>
        <translation>Integridad &amp;&amp; alertas</translation>
    </message>
    <message>
        <source>No alerts in this case: none of its integrity changes is of high severity, and no detection rule matched (Run Detections evaluates the rules again).</source>
        <translation>No hay alertas en este caso: ninguno de sus cambios de integridad es de gravedad alta y ninguna regla de detección coincidió («Ejecutar detecciones» vuelve a evaluar las reglas).</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::KindLegend</name>
    <message>
        <source>&lt;b&gt;Events&lt;/b&gt; (click to hide)</source>
        <translation>&lt;b&gt;Eventos&lt;/b&gt; (clic para ocultar)</translation>
    </message>
    <message>
        <source>Each kind of event the archives hold, stacked in the chart in this order.</source>
        <translation>Cada tipo de evento que contienen los archivos, apilado en el gráfico en este orden.</translation>
    </message>
    <message>
        <source>no events here</source>
        <translation>no hay eventos aquí</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::MainWindow</name>
    <message>
        <source>Cannot open the case</source>
        <translation>No se puede abrir el caso</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>&amp;New Case...</source>
        <translation>&amp;Nuevo caso...</translation>
    </message>
    <message>
        <source>&amp;Open Case...</source>
        <translation>&amp;Abrir caso...</translation>
    </message>
    <message>
        <source>Open &amp;PostgreSQL Case...</source>
        <translation>Abrir caso de &amp;PostgreSQL...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation>C&amp;errar caso</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>Abriendo %1...</translation>
    </message>
    <message>
        <source>New Case</source>
        <translation>Nuevo caso</translation>
    </message>
    <message>
        <source>Flight Recorder cases (*.sqlite);;All files (*)</source>
        <translation>Casos de Flight Recorder (*.sqlite);;Todos los ficheros (*)</translation>
    </message>
    <message>
        <source>%1 already exists; open it with Open Case instead.</source>
        <translation>%1 ya existe; ábralo con «Abrir caso».</translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation>Abrir caso</translation>
    </message>
    <message>
        <source>Open PostgreSQL Case</source>
        <translation>Abrir caso de PostgreSQL</translation>
    </message>
    <message>
        <source>Connection URL (postgresql://user@host:port/database; the password comes from ~/.pgpass):</source>
        <translation>URL de conexión (postgresql://usuario@host:puerto/base_de_datos; la contraseña se toma de ~/.pgpass):</translation>
    </message>
    <message>
        <source>No recent cases</source>
        <translation>No hay casos recientes</translation>
    </message>
    <message>
        <source>no case open</source>
        <translation>ningún caso abierto</translation>
    </message>
    <message>
        <source>%1 - Flight Deck</source>
        <translation>%1 – Flight Deck</translation>
    </message>
    <message>
        <source>Case: %1</source>
        <translation>Caso: %1</translation>
    </message>
    <message>
        <source>No case open (Case &gt; Open Case...)</source>
        <translation>Ningún caso abierto (Caso &gt; Abrir caso...)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language changes when Flight Deck starts again.</source>
        <translation>El idioma cambia la próxima vez que se inicie Flight Deck.</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Incident &amp;Report...</source>
        <translation>&amp;Informe de incidente...</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::MarkActions</name>
    <message>
        <source>&amp;Bookmark</source>
        <translation>&amp;Marcador</translation>
    </message>
    <message>
        <source>Add &amp;Note...</source>
        <translation>Añadir &amp;nota...</translation>
    </message>
    <message>
        <source>Bookmarked.</source>
        <translation>Marcador añadido.</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>Note on this %1 (kept in the case, with your name and the time):</source>
        <translation>Nota sobre este elemento (%1; se guarda en el caso, con su nombre y la hora):</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Nota añadida.</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Marcadores y notas</translation>
    </message>
    <message>
        <source>Note on remote endpoint %1 (kept in the case, with your name and the time):</source>
        <translation>Nota sobre el extremo remoto %1 (se guarda en el caso, con su nombre y la hora):</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::MarksPage</name>
    <message>
        <source>&amp;Edit Note...</source>
        <translation>&amp;Editar nota...</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Marcadores y notas</translation>
    </message>
    <message>
        <source>Bookmarks only</source>
        <translation>Solo marcadores</translation>
    </message>
    <message>
        <source>Notes only</source>
        <translation>Solo notas</translation>
    </message>
    <message>
        <source>Open a case to see its bookmarks and notes.</source>
        <translation>Abra un caso para ver sus marcadores y notas.</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Mo&amp;strar:</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>Editar nota</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>The bookmarks and notes could not be read: %1</source>
        <translation>No se pudieron leer los marcadores y notas: %1</translation>
    </message>
    <message>
        <source>Double-click or press Enter to select the object in every view; F2 edits a note, Delete removes a bookmark or note. Each change is recorded in the case&apos;s audit log.</source>
        <translation>Haga doble clic o pulse Intro para seleccionar el objeto en todas las vistas; F2 edita una nota, Supr quita un marcador o una nota. Cada cambio se registra en el registro de auditoría del caso.</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
    <message>
        <source>Note edited.</source>
        <translation>Nota editada.</translation>
    </message>
    <message>
        <source>Remove this note on %1?</source>
        <translation>¿Quitar esta nota sobre %1?</translation>
    </message>
    <message>
        <source>Remove this bookmark on %1?</source>
        <translation>¿Quitar este marcador sobre %1?</translation>
    </message>
    <message>
        <source>Note removed.</source>
        <translation>Nota quitada.</translation>
    </message>
    <message>
        <source>Bookmark removed.</source>
        <translation>Marcador quitado.</translation>
    </message>
    <message>
        <source>Bookmarks &amp;&amp; Notes</source>
        <translation>Marcadores &amp;&amp; notas</translation>
    </message>
    <message>
        <source>No bookmarks or notes yet.

In any list or graph, right-click a process, event, file, host, alert or remote address and choose Bookmark (Ctrl+B) or Add Note (Ctrl+Alt+C).</source>
        <translation>Todavía no hay marcadores ni notas.

En cualquier lista o grafo, haga clic con el botón derecho en un proceso, evento, archivo, host, alerta o dirección remota y elija Marcador (Ctrl+B) o Añadir nota (Ctrl+Alt+C).</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::NetworkPage</name>
    <message>
        <source>No network events in this case (or in the selected time range).</source>
        <translation>No hay eventos de red en este caso (o en el intervalo de tiempo seleccionado).</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Extremos</translation>
    </message>
    <message>
        <source>%1: no network events with a remote end in this time range.</source>
        <translation>%1: no hay eventos de red con un extremo remoto en este intervalo de tiempo.</translation>
    </message>
    <message>
        <source>The table could not be read: %1</source>
        <translation>No se pudo leer la tabla: %1</translation>
    </message>
    <message>
        <source>%1 of %2 conversations (scroll for more)</source>
        <translation>%1 de %2 conversaciones (desplácese para ver más)</translation>
    </message>
    <message>
        <source>%1 conversations</source>
        <translation>%1 conversaciones</translation>
    </message>
    <message>
        <source>%1 of %2 remote addresses (scroll for more)</source>
        <translation>%1 de %2 direcciones remotas (desplácese para ver más)</translation>
    </message>
    <message>
        <source>%1 remote addresses</source>
        <translation>%1 direcciones remotas</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::ProcessDetailWidget</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Remoto</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Inicio (UTC)</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Ficheros</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Hijos</translation>
    </message>
    <message>
        <source>Double-click or Enter: select the path in every view</source>
        <translation>Doble clic o Intro: seleccionar la ruta en todas las vistas</translation>
    </message>
    <message>
        <source>Double-click or Enter: select the remote endpoint in every view</source>
        <translation>Doble clic o Intro: seleccionar el extremo remoto en todas las vistas</translation>
    </message>
    <message>
        <source>Double-click or Enter: select the child process</source>
        <translation>Doble clic o Intro: seleccionar el proceso hijo</translation>
    </message>
    <message>
        <source>Cannot show the process</source>
        <translation>No se puede mostrar el proceso</translation>
    </message>
    <message>
        <source>No process selected</source>
        <translation>Ningún proceso seleccionado</translation>
    </message>
    <message>
        <source>Select a process in the tree, or find one by name or command line (Ctrl+F), to see its command line, user, working directory, executable, environment and what it did.</source>
        <translation>Seleccione un proceso en el árbol, o busque uno por nombre o línea de comandos (Ctrl+F), para ver su línea de comandos, usuario, directorio de trabajo, ejecutable, entorno y lo que hizo.</translation>
    </message>
    <message>
        <source>Loading process #%1...</source>
        <translation>Cargando el proceso n.º %1...</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source> -&gt; %1</source>
        <translation> -&gt; %1</translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation>Ficheros (%1)</translation>
    </message>
    <message>
        <source>Connections (%1)</source>
        <translation>Conexiones (%1)</translation>
    </message>
    <message>
        <source>Children (%1)</source>
        <translation>Hijos (%1)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source> at %1 UTC</source>
        <translation> a las %1 UTC</translation>
    </message>
    <message>
        <source>, core dumped</source>
        <translation>, con volcado de memoria</translation>
    </message>
    <message>
        <source> (no exit recorded; last seen %1 UTC)</source>
        <translation> (no se registró la salida; visto por última vez %1 UTC)</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Padre</translation>
    </message>
    <message>
        <source>none (pid 0)</source>
        <translation>ninguno (pid 0)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>uid %1, euid %2, gid %3, egid %4</source>
        <translation>uid %1, euid %2, gid %3, egid %4</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>login uid %1, session %2, tty %3</source>
        <translation>uid de inicio de sesión %1, sesión %2, tty %3</translation>
    </message>
    <message>
        <source>Executable</source>
        <translation>Ejecutable</translation>
    </message>
    <message>
        <source>Exe digest</source>
        <translation>Resumen del ejecutable</translation>
    </message>
    <message>
        <source>not recorded (not proved by the collector)</source>
        <translation>no registrado (no probado por el recolector)</translation>
    </message>
    <message>
        <source>Working dir</source>
        <translation>Dir. de trabajo</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>(cut: the kernel&apos;s argument area was longer)</source>
        <translation>(cortado: el área de argumentos del kernel era más larga)</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumentos</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>none recorded (only allow-listed variables are kept)</source>
        <translation>ninguna registrada (solo se guardan las variables de la lista permitida)</translation>
    </message>
    <message>
        <source>Cgroup</source>
        <translation>Cgroup</translation>
    </message>
    <message>
        <source>Image from</source>
        <translation>Imagen desde</translation>
    </message>
    <message>
        <source>%1 at %2 UTC</source>
        <translation>%1 a las %2 UTC</translation>
    </message>
    <message>
        <source>Lists below are cut at %1 rows each.</source>
        <translation>Las listas siguientes se cortan en %1 filas cada una.</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::ProcessSearchBar</name>
    <message>
        <source>Find a process by name or command line (Ctrl+F)</source>
        <translation>Buscar un proceso por nombre o línea de comandos (Ctrl+F)</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Coincidencia anterior (Mayús+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Coincidencia siguiente (F3)</translation>
    </message>
    <message>
        <source>search failed</source>
        <translation>error en la búsqueda</translation>
    </message>
    <message>
        <source>searching...</source>
        <translation>buscando...</translation>
    </message>
    <message>
        <source>Only the first %1 matches are listed</source>
        <translation>Solo se listan las primeras %1 coincidencias</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>sin coincidencias</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%1 de %2%3</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::ProcessTreePage</name>
    <message>
        <source>Show one host&apos;s processes, or every host as a top-level row</source>
        <translation>Mostrar los procesos de un equipo, o cada equipo como fila de nivel superior</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Todo el tiempo</translation>
    </message>
    <message>
        <source>Clear the time range (set in the timeline) for every view</source>
        <translation>Borrar el intervalo de tiempo (fijado en la línea de tiempo) de todas las vistas</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Padre</translation>
    </message>
    <message>
        <source>Jump to the parent process (Alt+Up)</source>
        <translation>Saltar al proceso padre (Alt+Arriba)</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Equipo:</translation>
    </message>
    <message>
        <source>The selected process is not shown in the tree: %1.</source>
        <translation>El proceso seleccionado no se muestra en el árbol: %1.</translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation>Ningún caso abierto.</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Todos los equipos</translation>
    </message>
    <message>
        <source>Expand a host or a process to load its children; Alt+Up jumps to the parent.</source>
        <translation>Expanda un equipo o un proceso para cargar sus hijos; Alt+Arriba salta al padre.</translation>
    </message>
    <message>
        <source>Finding process #%1 in the tree...</source>
        <translation>Buscando el proceso n.º %1 en el árbol...</translation>
    </message>
    <message>
        <source>%1 (pid %2) has no parent.</source>
        <translation>%1 (pid %2) no tiene padre.</translation>
    </message>
    <message>
        <source>%1 (pid %2): %3.</source>
        <translation>%1 (pid %2): %3.</translation>
    </message>
    <message>
        <source>Time: all</source>
        <translation>Tiempo: todo</translation>
    </message>
    <message>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>Time: %1 to %2 UTC</source>
        <translation>Tiempo: %1 a %2 UTC</translation>
    </message>
    <message>
        <source>Process Tree</source>
        <translation>Árbol de procesos</translation>
    </message>
    <message>
        <source>Show the processes of one user, by uid or by the name the uid had on the host then (and, dimmed, the processes above them)</source>
        <translation>Mostrar los procesos de un usuario, por UID o por el nombre que tenía el UID en el host en ese momento (y, atenuados, los procesos por encima de ellos)</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::PullDialog</name>
    <message>
        <source>&amp;Remove archives from the hosts once they are in the case</source>
        <translation>Eli&amp;minar los archivos de los equipos una vez que estén en el caso</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Añadir...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Editar...</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Accept Host &amp;Key...</source>
        <translation>Aceptar &amp;clave del equipo...</translation>
    </message>
    <message>
        <source>&amp;Pull</source>
        <translation>&amp;Recoger</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Pull Archives from Hosts</source>
        <translation>Recoger archivos de los equipos</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Hosts at once:</source>
        <translation>Equipos a la vez:</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Tiempo de espera:</translation>
    </message>
    <message>
        <source>Remote hosts of this case (check the ones to pull):</source>
        <translation>Equipos remotos de este caso (marque los que desea recoger):</translation>
    </message>
    <message>
        <source>Key Passphrase</source>
        <translation>Frase de contraseña de la clave</translation>
    </message>
    <message>
        <source>Passphrase for the key %1:</source>
        <translation>Frase de contraseña de la clave %1:</translation>
    </message>
    <message>
        <source>Host keys are checked against %1 (no other known_hosts is read). Archives are kept in %2.</source>
        <translation>Las claves de equipo se comprueban con %1 (no se lee ningún otro known_hosts). Los archivos se guardan en %2.</translation>
    </message>
    <message>
        <source>%1@%2:%3</source>
        <translation>%1@%2:%3</translation>
    </message>
    <message>
        <source>%1, outbox %2%3</source>
        <translation>%1, bandeja de salida %2%3</translation>
    </message>
    <message>
        <source>ssh-agent</source>
        <translation>ssh-agent</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>clave %1</translation>
    </message>
    <message>
        <source>, through %1</source>
        <translation>, a través de %1</translation>
    </message>
    <message>
        <source>not pulled yet</source>
        <translation>aún no recogido</translation>
    </message>
    <message>
        <source>This case has no remote hosts yet: add one with Add...</source>
        <translation>Este caso aún no tiene equipos remotos: añada uno con Añadir...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message numerus="yes">
        <source>Pulling from %n hosts ...</source>
        <translation>
            <numerusform>Recogiendo de %n equipo ...</numerusform>
            <numerusform>Recogiendo de %n equipos ...</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting ...</source>
        <translation>conectando ...</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>listing and importing ...</source>
        <translation>listando e importando ...</translation>
    </message>
    <message>
        <source>downloading %1</source>
        <translation>descargando %1</translation>
    </message>
    <message numerus="yes">
        <source>done: %n downloaded</source>
        <translation>
            <numerusform>hecho: %n descargado</numerusform>
            <numerusform>hecho: %n descargados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n in the case already</source>
        <translation>
            <numerusform>, %n ya en el caso</numerusform>
            <numerusform>, %n ya en el caso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n removed from the host</source>
        <translation>
            <numerusform>, %n eliminado del equipo</numerusform>
            <numerusform>, %n eliminados del equipo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n outbox entries left alone</source>
        <translation>
            <numerusform>, %n entrada de la bandeja de salida sin tocar</numerusform>
            <numerusform>, %n entradas de la bandeja de salida sin tocar</numerusform>
        </translation>
    </message>
    <message>
        <source> - some archives were not imported (see below)</source>
        <translation> - algunos archivos no se importaron (véase abajo)</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nada nuevo</translation>
    </message>
    <message>
        <source>not pulled</source>
        <translation>no recogido</translation>
    </message>
    <message>
        <source>unknown host key %1: not logged in; compare it on the host, then Accept Host Key...</source>
        <translation>clave de equipo desconocida %1: no se ha iniciado sesión; compárela en el equipo y luego use Aceptar clave del equipo...</translation>
    </message>
    <message>
        <source>REFUSED: the host key changed: it presents %1, the case&apos;s known_hosts holds %2</source>
        <translation>RECHAZADO: la clave del equipo ha cambiado: presenta %1, el known_hosts del caso contiene %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not started: cancelled</source>
        <translation>no iniciado: cancelado</translation>
    </message>
    <message>
        <source>Cancelled. Partial downloads are kept as .part and resumed next time; the archive being imported was rolled back.</source>
        <translation>Cancelado. Las descargas parciales se guardan como .part y se reanudan la próxima vez; el archivo que se estaba importando se revirtió.</translation>
    </message>
    <message numerus="yes">
        <source>%n hosts: %1 pulled, %2 not (see above); %3 archives handled.</source>
        <translation>
            <numerusform>%n equipo: %1 recogidos, %2 no (véase arriba); %3 archivos procesados.</numerusform>
            <numerusform>%n equipos: %1 recogidos, %2 no (véase arriba); %3 archivos procesados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hosts present an unknown key and wait for your decision.</source>
        <translation>
            <numerusform>%n equipo presenta una clave desconocida y espera su decisión.</numerusform>
            <numerusform>%n equipos presentan una clave desconocida y esperan su decisión.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove Remote Host</source>
        <translation>Quitar equipo remoto</translation>
    </message>
    <message>
        <source>Remove %1 from the hosts this case pulls from? What was pulled from it stays in the case.</source>
        <translation>¿Quitar %1 de los equipos de los que este caso recoge? Lo que ya se recogió de él permanece en el caso.</translation>
    </message>
    <message>
        <source>Unknown Host Key</source>
        <translation>Clave de equipo desconocida</translation>
    </message>
    <message>
        <source>%1 presents a host key that the case does not know:</source>
        <translation>%1 presenta una clave de equipo que el caso no conoce:</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Compare it with what the host itself shows (run &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt; on its console). Accept it only if both are the same: the key is then added to %2 and the host is pulled.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Compárela con la que muestra el propio equipo (ejecute &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt; en su consola). Acéptela solo si ambas coinciden: la clave se añade entonces a %2 y se recoge el equipo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Accept This Key and Pull</source>
        <translation>Aceptar esta clave y recoger</translation>
    </message>
    <message>
        <source>Do Not Accept</source>
        <translation>No aceptar</translation>
    </message>
    <message>
        <source>Cancelling: every session is shut down ...</source>
        <translation>Cancelando: se cierran todas las sesiones ...</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::RemoteHostDialog</name>
    <message>
        <source>Key file</source>
        <translation>Fichero de clave</translation>
    </message>
    <message>
        <source>ssh-agent (SSH_AUTH_SOCK)</source>
        <translation>ssh-agent (SSH_AUTH_SOCK)</translation>
    </message>
    <message>
        <source>Add Remote Host</source>
        <translation>Añadir equipo remoto</translation>
    </message>
    <message>
        <source>Edit Remote Host %1</source>
        <translation>Editar equipo remoto %1</translation>
    </message>
    <message>
        <source>web-01 (letters, digits, . _ -)</source>
        <translation>web-01 (letras, dígitos, . _ -)</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>nombre de equipo o dirección IP</translation>
    </message>
    <message>
        <source>the pull account, e.g. flightpull</source>
        <translation>la cuenta de recogida, p. ej. flightpull</translation>
    </message>
    <message>
        <source>/var/lib/flightrec/outbox, or / for an account set up by setup-pull-account.sh</source>
        <translation>/var/lib/flightrec/outbox, o / para una cuenta configurada con setup-pull-account.sh</translation>
    </message>
    <message>
        <source>private key (OpenSSH format); its passphrase is asked when pulling</source>
        <translation>clave privada (formato OpenSSH); su frase de contraseña se pide al recoger</translation>
    </message>
    <message>
        <source>(direct)</source>
        <translation>(directo)</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Examinar...</translation>
    </message>
    <message>
        <source>Private Key</source>
        <translation>Clave privada</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Login with:</source>
        <translation>Iniciar sesión con:</translation>
    </message>
    <message>
        <source>&amp;Outbox:</source>
        <translation>&amp;Bandeja de salida:</translation>
    </message>
    <message>
        <source>&amp;Jump host:</source>
        <translation>Equipo de &amp;salto:</translation>
    </message>
    <message>
        <source>No password is stored: the host is logged in to with the key or the agent.</source>
        <translation>No se guarda ninguna contraseña: se inicia sesión en el equipo con la clave o el agente.</translation>
    </message>
    <message>
        <source>Choose a key file, or log in with ssh-agent.</source>
        <translation>Elija un fichero de clave o inicie sesión con ssh-agent.</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::ReplayPage</name>
    <message>
        <source>Processes alive</source>
        <translation>Procesos activos</translation>
    </message>
    <message>
        <source>Files open for writing</source>
        <translation>Ficheros abiertos para escritura</translation>
    </message>
    <message>
        <source>Connections and listeners</source>
        <translation>Conexiones y sockets en escucha</translation>
    </message>
    <message>
        <source>Kernel modules</source>
        <translation>Módulos del kernel</translation>
    </message>
    <message>
        <source>BPF programs</source>
        <translation>Programas BPF</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Paquetes</translation>
    </message>
    <message>
        <source>The replay failed: %1</source>
        <translation>Error en la reproducción: %1</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>E&amp;quipo:</translation>
    </message>
    <message>
        <source>Previous event (Left on the slider, or ,)</source>
        <translation>Evento anterior (Izquierda en el control deslizante, o ,)</translation>
    </message>
    <message>
        <source>Next event (Right on the slider, or .)</source>
        <translation>Evento siguiente (Derecha en el control deslizante, o .)</translation>
    </message>
    <message>
        <source>Drag to replay the host; Left/Right step from event to event</source>
        <translation>Arrastre para reproducir el equipo; Izquierda/Derecha avanzan de evento en evento</translation>
    </message>
    <message>
        <source>UTC time, e.g. 2026-12-03T11:30:00Z</source>
        <translation>Hora UTC, p. ej. 2026-12-03T11:30:00Z</translation>
    </message>
    <message>
        <source>The time replayed (UTC); type a time and press Enter to go there</source>
        <translation>La hora reproducida (UTC); escriba una hora y pulse Intro para ir a ella</translation>
    </message>
    <message>
        <source>Not a time: type UTC as 2026-12-03T11:30:00Z or nanoseconds</source>
        <translation>No es una hora: escriba la hora UTC como 2026-12-03T11:30:00Z o en nanosegundos</translation>
    </message>
    <message>
        <source>Open a case to replay a host.</source>
        <translation>Abra un caso para reproducir un equipo.</translation>
    </message>
    <message>
        <source>Replaying…</source>
        <translation>Reproduciendo…</translation>
    </message>
    <message>
        <source>Pick a host to replay.</source>
        <translation>Elija un equipo para reproducir.</translation>
    </message>
    <message>
        <source>This host has no recording in the case.</source>
        <translation>Este equipo no tiene ninguna grabación en el caso.</translation>
    </message>
    <message>
        <source>recorded %1 to %2</source>
        <translation>registrado desde %1 hasta %2</translation>
    </message>
    <message>
        <source>+%1 new</source>
        <translation>+%1 nuevos</translation>
    </message>
    <message>
        <source>%1 gone</source>
        <translation>%1 desaparecidos</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not known at this time.</source>
        <translation>Desconocido en este momento.</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>procesos</translation>
    </message>
    <message>
        <source>No process of this boot was alive at this time.</source>
        <translation>Ningún proceso de este arranque estaba activo en este momento.</translation>
    </message>
    <message>
        <source>files</source>
        <translation>ficheros</translation>
    </message>
    <message>
        <source>No file was open for writing at this time (as far as the recorded closes after writing show).</source>
        <translation>Ningún fichero estaba abierto para escritura en este momento (según muestran los cierres tras escritura registrados).</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>conexiones</translation>
    </message>
    <message>
        <source>No connection or listener was open at this time.</source>
        <translation>Ninguna conexión ni socket en escucha estaba abierto en este momento.</translation>
    </message>
    <message>
        <source>items</source>
        <translation>elementos</translation>
    </message>
    <message>
        <source>None at this time.</source>
        <translation>Ninguno en este momento.</translation>
    </message>
    <message>
        <source>%1 (%2 changed)</source>
        <translation>%1 (%2 con cambios)</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Reproducción</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::ReportDialog</name>
    <message>
        <source>Incident report</source>
        <translation>Informe de incidente</translation>
    </message>
    <message>
        <source>Save as PDF or HTML...</source>
        <translation>Guardar como PDF o HTML...</translation>
    </message>
    <message>
        <source>Save the report as a PDF or HTML file (recorded in the case&apos;s audit log)</source>
        <translation>Guardar el informe como fichero PDF o HTML (se anota en el registro de auditoría del caso)</translation>
    </message>
    <message>
        <source>Reading the report from the case...</source>
        <translation>Leyendo el informe del caso...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Reading the report from the case: %1...</source>
        <translation>Leyendo el informe del caso: %1...</translation>
    </message>
    <message>
        <source>The case was closed.</source>
        <translation>Se cerró el caso.</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>No se pudo generar el informe: %1</translation>
    </message>
    <message>
        <source>Incident report: %1</source>
        <translation>Informe de incidente: %1</translation>
    </message>
    <message>
        <source>%1: the report is not ready yet</source>
        <translation>%1: el informe aún no está listo</translation>
    </message>
    <message>
        <source>The report was saved but not entered in the audit log: %1</source>
        <translation>El informe se guardó, pero no se anotó en el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Save the incident report</source>
        <translation>Guardar el informe de incidente</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html *.htm)</source>
        <translation>PDF (*.pdf);;HTML (*.html *.htm)</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::RuleAlertDetail</name>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <source>process %1 %2</source>
        <translation>proceso %1 %2</translation>
    </message>
    <message>
        <source>file %1 %2 by %3</source>
        <translation>fichero %1 %2 por %3</translation>
    </message>
    <message>
        <source>network %1 %2 by %3</source>
        <translation>red %1 %2 por %3</translation>
    </message>
    <message>
        <source>integrity change of %1 (%2)</source>
        <translation>cambio de integridad de %1 (%2)</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 n.º %2</translation>
    </message>
    <message>
        <source>Loading the evidence...</source>
        <translation>Cargando las evidencias...</translation>
    </message>
    <message>
        <source>The rule “%1” is not in the rules folder %2.</source>
        <translation>La regla «%1» no está en la carpeta de reglas %2.</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>regla %1</translation>
    </message>
    <message>
        <source>Triage:</source>
        <translation>Triaje:</translation>
    </message>
    <message>
        <source>Matched:</source>
        <translation>Coincidencia:</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>%1 (not in the case)</source>
        <translation>%1 (no está en el caso)</translation>
    </message>
    <message>
        <source>Click an evidence item to select its process, host and time in every view.</source>
        <translation>Haga clic en un elemento de las evidencias para seleccionar su proceso, equipo y hora en todas las vistas.</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::TimelineChartView</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Time (UTC), %1</source>
        <translation>Hora (UTC), %1</translation>
    </message>
    <message>
        <source>events per %1</source>
        <translation>eventos por %1</translation>
    </message>
    <message>
        <source>events</source>
        <translation>eventos</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::TimelinePage</name>
    <message>
        <source>Reading the coverage of %1...</source>
        <translation>Leyendo la cobertura de %1...</translation>
    </message>
    <message>
        <source>No case is open. Open one (Case &gt; Open Case...) to see its events over time and what each host&apos;s collector recorded, lost or missed.</source>
        <translation>No hay ningún caso abierto. Abra uno (Caso &gt; Abrir caso...) para ver sus eventos a lo largo del tiempo y lo que el recolector de cada equipo registró, perdió o no vio.</translation>
    </message>
    <message>
        <source>Cannot show the timeline: %1</source>
        <translation>No se puede mostrar la línea de tiempo: %1</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Todos los equipos</translation>
    </message>
    <message>
        <source>The case %1 holds no archives yet: import or pull some to see a timeline.</source>
        <translation>El caso %1 aún no contiene archivos: importe o recoja algunos para ver una línea de tiempo.</translation>
    </message>
    <message>
        <source>Cannot count the events: %1</source>
        <translation>No se pueden contar los eventos: %1</translation>
    </message>
    <message>
        <source>No events in this time.</source>
        <translation>No hay eventos en este tiempo.</translation>
    </message>
    <message>
        <source>No time range selected (Shift+drag in the chart): every view shows all times.</source>
        <translation>Ningún intervalo de tiempo seleccionado (Mayús+arrastrar en el gráfico): todas las vistas muestran todo el tiempo.</translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation>el principio</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>el final</translation>
    </message>
    <message>
        <source>Range %1 to %2: every view shows only this.</source>
        <translation>Intervalo de %1 a %2: todas las vistas muestran solo esto.</translation>
    </message>
    <message>
        <source>Range %1 to %2 (%3): every view shows only this.</source>
        <translation>Intervalo de %1 a %2 (%3): todas las vistas muestran solo esto.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Mostrado: %1</translation>
    </message>
    <message>
        <source>Counting events...</source>
        <translation>Contando eventos...</translation>
    </message>
    <message>
        <source>%1 events shown, %2 per bucket</source>
        <translation>%1 eventos mostrados, %2 por intervalo</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Host: </source>
        <translation>Equipo: </translation>
    </message>
    <message>
        <source>Count the events of one host, or of all hosts</source>
        <translation>Contar los eventos de un equipo o de todos los equipos</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom in around the middle</source>
        <translation>Acercar en torno al centro</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom out around the middle</source>
        <translation>Alejar en torno al centro</translation>
    </message>
    <message>
        <source>Whole Case</source>
        <translation>Caso completo</translation>
    </message>
    <message>
        <source>Show the whole case</source>
        <translation>Mostrar el caso completo</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Desplazar</translation>
    </message>
    <message>
        <source>Drag to move along the time axis; the wheel zooms</source>
        <translation>Arrastre para moverse por el eje temporal; la rueda aplica zoom</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Drag across a stretch of time to zoom into it (or Ctrl+drag)</source>
        <translation>Arrastre sobre un tramo de tiempo para ampliarlo (o Ctrl+arrastrar)</translation>
    </message>
    <message>
        <source>Select Range</source>
        <translation>Seleccionar intervalo</translation>
    </message>
    <message>
        <source>Drag across a stretch of time to make every view show only it (or Shift+drag)</source>
        <translation>Arrastre sobre un tramo de tiempo para que todas las vistas muestren solo ese tramo (o Mayús+arrastrar)</translation>
    </message>
    <message>
        <source>Zoom to Range</source>
        <translation>Zoom al intervalo</translation>
    </message>
    <message>
        <source>Show the selected time range</source>
        <translation>Mostrar el intervalo de tiempo seleccionado</translation>
    </message>
    <message>
        <source>Clear Range</source>
        <translation>Borrar intervalo</translation>
    </message>
    <message>
        <source>Every view shows all times again</source>
        <translation>Todas las vistas vuelven a mostrar todo el tiempo</translation>
    </message>
    <message>
        <source>no events</source>
        <translation>no hay eventos</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::TrustDialog</name>
    <message>
        <source>Trust Decision: %1</source>
        <translation>Decisión de confianza: %1</translation>
    </message>
    <message>
        <source>refused archive</source>
        <translation>archivo rechazado</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Equipo:</translation>
    </message>
    <message>
        <source>Machine id:</source>
        <translation>Id. de máquina:</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>Huella digital de la clave:</translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation>Clave pública:</translation>
    </message>
    <message>
        <source>Held:</source>
        <translation>Retenidos:</translation>
    </message>
    <message>
        <source>archives: %1, events: %2</source>
        <translation>archivos: %1, eventos: %2</translation>
    </message>
    <message>
        <source>Trusted for %1:</source>
        <translation>De confianza para %1:</translation>
    </message>
    <message>
        <source>These archives are signed by a key this case does not trust yet. They are held in quarantine, not imported.</source>
        <translation>Estos archivos están firmados por una clave en la que este caso aún no confía. Se retienen en cuarentena, sin importar.</translation>
    </message>
    <message>
        <source>Compare the fingerprint above with the one the host itself shows (run &lt;tt&gt;flightrec pubkey&lt;/tt&gt; on it), over a channel you trust. Trusting binds this key to this host; its held archives are then verified and imported. Refusing changes nothing: the archives stay held.</source>
        <translation>Compare la huella digital anterior con la que muestra el propio equipo (ejecute &lt;tt&gt;flightrec pubkey&lt;/tt&gt; en él) a través de un canal de confianza. Confiar vincula esta clave a este equipo; sus archivos retenidos se verifican e importan a continuación. Rechazar no cambia nada: los archivos siguen retenidos.</translation>
    </message>
    <message>
        <source>Label for the key:</source>
        <translation>Etiqueta de la clave:</translation>
    </message>
    <message>
        <source>I compared this fingerprint with the host&apos;s own</source>
        <translation>He comparado esta huella digital con la del propio equipo</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <source>&amp;Trust This Key for %1</source>
        <translation>Con&amp;fiar en esta clave para %1</translation>
    </message>
    <message>
        <source>REFUSED: this archive contradicts its host&apos;s hash chain (a fork). It stays held; trusting a key cannot release it.</source>
        <translation>RECHAZADO: este archivo contradice la cadena de hashes de su equipo (una bifurcación). Sigue retenido; confiar en una clave no puede liberarlo.</translation>
    </message>
    <message>
        <source>REFUSED: this key may not be trusted with one click. A host whose key changes has been reinstalled, compromised or impersonated.</source>
        <translation>RECHAZADO: no se puede confiar en esta clave con un solo clic. Un equipo cuya clave cambia ha sido reinstalado, comprometido o suplantado.</translation>
    </message>
    <message>
        <source>If the host really was reinstalled, verify its new key out of band and trust it for that host on the command line: &lt;tt&gt;flightdeck-cli trust --host %1 KEY&lt;/tt&gt;.</source>
        <translation>Si el equipo realmente se reinstaló, verifique su nueva clave por un canal independiente y confíe en ella para ese equipo desde la línea de comandos: &lt;tt&gt;flightdeck-cli trust --host %1 KEY&lt;/tt&gt;.</translation>
    </message>
    <message>
        <source>MACHINE-ID</source>
        <translation>ID-DE-MÁQUINA</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
</context>
<context>
    <name>Deck::Models</name>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; %3</source>
        <translation>%1: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>no attribute differs</source>
        <translation>ningún atributo difiere</translation>
    </message>
    <message>
        <source>%1 %2 installed</source>
        <translation>%1 %2 instalado</translation>
    </message>
    <message>
        <source>%1 %2: %3 files differ from dpkg&apos;s digests: %4</source>
        <translation>%1 %2: %3 ficheros difieren de los resúmenes de dpkg: %4</translation>
    </message>
    <message>
        <source>module %1 loaded</source>
        <translation>módulo %1 cargado</translation>
    </message>
    <message>
        <source>BPF program %1 loaded: %2</source>
        <translation>programa BPF %1 cargado: %2</translation>
    </message>
    <message>
        <source>flightrec&apos;s own</source>
        <translation>propio de flightrec</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>falta %1</translation>
    </message>
    <message>
        <source>%1 appeared</source>
        <translation>apareció %1</translation>
    </message>
    <message>
        <source>%1 logged in on %2</source>
        <translation>%1 inició sesión en %2</translation>
    </message>
    <message>
        <source>%1 now listening</source>
        <translation>%1 ahora en escucha</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 añadido</translation>
    </message>
    <message>
        <source>%1 %2 removed</source>
        <translation>%1 %2 eliminado</translation>
    </message>
    <message>
        <source>%1: files match dpkg&apos;s digests again</source>
        <translation>%1: los ficheros vuelven a coincidir con los resúmenes de dpkg</translation>
    </message>
    <message>
        <source>module %1 unloaded</source>
        <translation>módulo %1 descargado</translation>
    </message>
    <message>
        <source>BPF program %1 unloaded</source>
        <translation>programa BPF %1 descargado</translation>
    </message>
    <message>
        <source>%1 no longer there</source>
        <translation>%1 ya no está</translation>
    </message>
    <message>
        <source>%1 logged out of %2</source>
        <translation>%1 cerró sesión en %2</translation>
    </message>
    <message>
        <source>%1 no longer listening</source>
        <translation>%1 ya no está en escucha</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 eliminado</translation>
    </message>
    <message>
        <source>%1 %2 -&gt; %3</source>
        <translation>%1 %2 -&gt; %3</translation>
    </message>
    <message>
        <source>module %1: %2</source>
        <translation>módulo %1: %2</translation>
    </message>
    <message>
        <source>BPF program %1: %2</source>
        <translation>programa BPF %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the stored event is malformed: %1</source>
        <translation>el evento almacenado está mal formado: %1</translation>
    </message>
    <message>
        <source>kernel log (level %1): %2</source>
        <translation>registro del kernel (nivel %1): %2</translation>
    </message>
    <message>
        <source>the stored event is a %1, not a state change</source>
        <translation>el evento almacenado es de tipo %1, no un cambio de estado</translation>
    </message>
    <message>
        <source>Unreadable: %1</source>
        <translation>Ilegible: %1</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>nada cambió</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (y %1 más)</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>fichero %1</translation>
    </message>
    <message numerus="yes">
        <source>%n times</source>
        <translation>
            <numerusform>%n vez</numerusform>
            <numerusform>%n veces</numerusform>
        </translation>
    </message>
    <message>
        <source>net %1</source>
        <translation>red %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n elemento</numerusform>
            <numerusform>%1: %n elementos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lost: %2</source>
        <translation>%1 perdidos: %2</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>Process %1 (pid %2)</source>
        <translation>Proceso %1 (pid %2)</translation>
    </message>
    <message>
        <source>exe: %1</source>
        <translation>exe: %1</translation>
    </message>
    <message>
        <source>argv: %1</source>
        <translation>argv: %1</translation>
    </message>
    <message>
        <source>uid: %1</source>
        <translation>uid: %1</translation>
    </message>
    <message>
        <source>started: %1</source>
        <translation>inicio: %1</translation>
    </message>
    <message>
        <source>exited: %1</source>
        <translation>salida: %1</translation>
    </message>
    <message>
        <source>Double-click to expand; click to select it in every view.</source>
        <translation>Doble clic para expandir; clic para seleccionarlo en todas las vistas.</translation>
    </message>
    <message>
        <source>File %1
Double-click for the processes that touched it.</source>
        <translation>Fichero %1
Doble clic para ver los procesos que lo tocaron.</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>equipo %1</translation>
    </message>
    <message>
        <source>Host %1
Double-click for its processes that talked to the network.</source>
        <translation>Equipo %1
Doble clic para ver sus procesos que se comunicaron por la red.</translation>
    </message>
    <message>
        <source>Remote address %1
Double-click for the processes that talked to it.</source>
        <translation>Dirección remota %1
Doble clic para ver los procesos que se comunicaron con ella.</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alta</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>media</translation>
    </message>
    <message>
        <source>low</source>
        <translation>baja</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nueva</translation>
    </message>
    <message>
        <source>investigating</source>
        <translation>en investigación</translation>
    </message>
    <message>
        <source>benign</source>
        <translation>benigna</translation>
    </message>
    <message>
        <source>malicious</source>
        <translation>maliciosa</translation>
    </message>
</context>
<context>
    <name>Deck::Models::AlertModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triaje</translation>
    </message>
    <message>
        <source>Triaged by</source>
        <translation>Triaje por</translation>
    </message>
    <message>
        <source>Triaged at (UTC)</source>
        <translation>Triaje el (UTC)</translation>
    </message>
    <message>
        <source>integrity check</source>
        <translation>comprobación de integridad</translation>
    </message>
    <message>
        <source>What changed or matched</source>
        <translation>Qué cambió o coincidió</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
</context>
<context>
    <name>Deck::Models::ArchiveListModel</name>
    <message>
        <source>Seq</source>
        <translation>Sec.</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>Desde (UTC)</translation>
    </message>
    <message>
        <source>To (UTC)</source>
        <translation>Hasta (UTC)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Cadena</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Firmante</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Imported (UTC)</source>
        <translation>Importado (UTC)</translation>
    </message>
    <message>
        <source>Imported by</source>
        <translation>Importado por</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verificado</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>cifrado</translation>
    </message>
    <message>
        <source>recovered after a crash</source>
        <translation>recuperado tras un fallo</translation>
    </message>
    <message numerus="yes">
        <source>gap: %n missing before</source>
        <translation>
            <numerusform>hueco: falta %n antes</numerusform>
            <numerusform>hueco: faltan %n antes</numerusform>
        </translation>
    </message>
    <message>
        <source>late (fills a gap)</source>
        <translation>tardío (rellena un hueco)</translation>
    </message>
    <message>
        <source>first</source>
        <translation>primero</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>íntegro</translation>
    </message>
    <message>
        <source>%1 (UTC ns %2)</source>
        <translation>%1 (ns UTC %2)</translation>
    </message>
    <message>
        <source>digest %1
previous %2</source>
        <translation>resumen %1
anterior %2</translation>
    </message>
    <message>
        <source>signature, entry digests and hash chain verified on import; collector %1</source>
        <translation>firma, resúmenes de las entradas y cadena de hashes verificados al importar; recolector %1</translation>
    </message>
</context>
<context>
    <name>Deck::Models::CaseMarks</name>
    <message>
        <source>No case is open.</source>
        <translation>No hay ningún caso abierto.</translation>
    </message>
</context>
<context>
    <name>Deck::Models::ConversationsModel</name>
    <message>
        <source>Host</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Remoto</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>First (UTC)</source>
        <translation>Primero (UTC)</translation>
    </message>
    <message>
        <source>Last (UTC)</source>
        <translation>Último (UTC)</translation>
    </message>
    <message>
        <source>%1, pid %2: click to select the process in every view</source>
        <translation>%1, pid %2: haga clic para seleccionar el proceso en todas las vistas</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>(no process)</source>
        <translation>(sin proceso)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
</context>
<context>
    <name>Deck::Models::CoverageLanes</name>
    <message>
        <source>The collector was stopped from %1 (rec.stop) until %2 (rec.start): nothing was recorded for %3.</source>
        <translation>El recolector estuvo detenido desde %1 (rec.stop) hasta %2 (rec.start): no se registró nada durante %3.</translation>
    </message>
    <message>
        <source>The collector ended without a rec.stop (a crash or power loss): last heard of at %1 (end of its last archive in the case), started again at %2; nothing is known of these %3.</source>
        <translation>El recolector terminó sin un rec.stop (un fallo o un corte de alimentación): última señal a las %1 (final de su último archivo en el caso), se inició de nuevo a las %2; no se sabe nada de estos %3.</translation>
    </message>
    <message>
        <source>Archive %1 of signing key #%2 is not in the case</source>
        <translation>El archivo %1 de la clave de firma n.º %2 no está en el caso</translation>
    </message>
    <message>
        <source>Archives %1 to %2 of signing key #%3 are not in the case</source>
        <translation>Los archivos %1 a %2 de la clave de firma n.º %3 no están en el caso</translation>
    </message>
    <message>
        <source>%1 (a hole in the hash chain): they were recorded before %2; the case has no evidence of that time.</source>
        <translation>%1 (un hueco en la cadena de hashes): se registraron antes de %2; el caso no tiene evidencias de ese tiempo.</translation>
    </message>
    <message>
        <source>%1 (a hole in the hash chain): what was recorded between %2 and %3 is missing, not absent.</source>
        <translation>%1 (un hueco en la cadena de hashes): lo registrado entre %2 y %3 falta en el caso, no es que no existiera.</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>desde %1 hasta %2</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>a las %1</translation>
    </message>
    <message>
        <source>1 archive deleted before it was pulled (%1) %2: its events are lost.</source>
        <translation>1 archivo eliminado antes de ser recogido (%1) %2: sus eventos se han perdido.</translation>
    </message>
    <message numerus="yes">
        <source>%3 archives deleted before they were pulled (%1) %2: their events are lost.</source>
        <translation>
            <numerusform>%3 archivo eliminado antes de ser recogido (%1) %2: sus eventos se han perdido.</numerusform>
            <numerusform>%3 archivos eliminados antes de ser recogidos (%1) %2: sus eventos se han perdido.</numerusform>
        </translation>
    </message>
    <message>
        <source>The collector lost 1 event (%1) %2: it knows it did not record it.</source>
        <translation>El recolector perdió 1 evento (%1) %2: sabe que no lo registró.</translation>
    </message>
    <message numerus="yes">
        <source>The collector lost %3 events (%1) %2: it knows it did not record them.</source>
        <translation>
            <numerusform>El recolector perdió %3 evento (%1) %2: sabe que no lo registró.</numerusform>
            <numerusform>El recolector perdió %3 eventos (%1) %2: sabe que no los registró.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recorded from %1 to %2: where no events are shown here, nothing happened that the collector watches.</source>
        <translation>Registrado desde %1 hasta %2: donde no se muestran eventos, no ocurrió nada de lo que vigila el recolector.</translation>
    </message>
    <message>
        <source>No archive</source>
        <translation>Sin archivo</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Collector stopped</source>
        <translation>Recolector detenido</translation>
    </message>
    <message>
        <source>Collector gone (crash)</source>
        <translation>Recolector caído (fallo)</translation>
    </message>
    <message>
        <source>Archives missing</source>
        <translation>Faltan archivos</translation>
    </message>
    <message>
        <source>Events lost</source>
        <translation>Eventos perdidos</translation>
    </message>
    <message>
        <source>Before the host&apos;s first or after its last archive in the case: no evidence either way.</source>
        <translation>Antes del primer archivo del equipo en el caso o después del último: sin evidencias en ningún sentido.</translation>
    </message>
    <message>
        <source>The collector was recording: no events means nothing happened that it watches.</source>
        <translation>El recolector estaba registrando: la ausencia de eventos significa que no ocurrió nada de lo que vigila.</translation>
    </message>
    <message>
        <source>The collector was stopped (rec.stop until the next rec.start): nothing was recorded.</source>
        <translation>El recolector estaba detenido (rec.stop hasta el siguiente rec.start): no se registró nada.</translation>
    </message>
    <message>
        <source>The collector ended without rec.stop (crash or power loss) until it started again: nothing is known.</source>
        <translation>El recolector terminó sin rec.stop (fallo o corte de alimentación) hasta que se inició de nuevo: no se sabe nada.</translation>
    </message>
    <message>
        <source>Archives of the host&apos;s hash chain are not in the case: what they recorded is missing.</source>
        <translation>Faltan en el caso archivos de la cadena de hashes del equipo: lo que registraron falta.</translation>
    </message>
    <message>
        <source>The collector knows it dropped events here (rec.loss): the counts are incomplete.</source>
        <translation>El recolector sabe que aquí descartó eventos (rec.loss): los recuentos están incompletos.</translation>
    </message>
</context>
<context>
    <name>Deck::Models::EndpointsModel</name>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Puertos</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Procesos</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Equipos</translation>
    </message>
    <message>
        <source>First (UTC)</source>
        <translation>Primero (UTC)</translation>
    </message>
    <message>
        <source>Last (UTC)</source>
        <translation>Último (UTC)</translation>
    </message>
    <message numerus="yes">
        <source>%n ports</source>
        <translation>
            <numerusform>%n puerto</numerusform>
            <numerusform>%n puertos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes</source>
        <translation>
            <numerusform>%n proceso</numerusform>
            <numerusform>%n procesos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deck::Models::EventTableModel</name>
    <message>
        <source>loading…</source>
        <translation>cargando…</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>Deck::Models::FollowChainModel</name>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <source>%1 → %2 %3</source>
        <translation>%1 → %2 %3</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>accepted the connection</source>
        <translation>aceptó la conexión</translation>
    </message>
    <message>
        <source>ssh session (SSH_CONNECTION)</source>
        <translation>sesión ssh (SSH_CONNECTION)</translation>
    </message>
    <message>
        <source>descendant</source>
        <translation>descendiente</translation>
    </message>
    <message>
        <source>connection to %1 (%2)</source>
        <translation>conexión a %1 (%2)</translation>
    </message>
    <message>
        <source>%1 on %2, uid %3
started %4 (%2&apos;s clock)
corrected to %5&apos;s clock: %6</source>
        <translation>%1 en %2, uid %3
iniciado %4 (reloj de %2)
corregido al reloj de %5: %6</translation>
    </message>
    <message>
        <source>connect on %1: %2
accept on %3: %4 (corrected %5)
matched by %6</source>
        <translation>connect en %1: %2
accept en %3: %4 (corregido %5)
enlazado por %6</translation>
    </message>
    <message>
        <source>Process / connection</source>
        <translation>Proceso / conexión</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Time (host&apos;s clock)</source>
        <translation>Hora (reloj del equipo)</translation>
    </message>
    <message>
        <source>Corrected time</source>
        <translation>Hora corregida</translation>
    </message>
    <message>
        <source>Time on %1&apos;s clock</source>
        <translation>Hora en el reloj de %1</translation>
    </message>
    <message numerus="yes">
        <source>Clock of %1 − clock of %2: %3 (median of %n pair(s), from %4 to %5)</source>
        <translation>
            <numerusform>Reloj de %1 − reloj de %2: %3 (mediana de %n par, desde %4 hasta %5)</numerusform>
            <numerusform>Reloj de %1 − reloj de %2: %3 (mediana de %n pares, desde %4 hasta %5)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not stitched: %1 → %2 at %3: %4</source>
        <translation>Sin enlazar: %1 → %2 a las %3: %4</translation>
    </message>
    <message numerus="yes">
        <source>Not stitched: %n connection(s) to addresses of no monitored host (an unmonitored host, or address translation)</source>
        <translation>
            <numerusform>Sin enlazar: %n conexión a direcciones que no son de ningún equipo supervisado (un equipo no supervisado o traducción de direcciones)</numerusform>
            <numerusform>Sin enlazar: %n conexiones a direcciones que no son de ningún equipo supervisado (un equipo no supervisado o traducción de direcciones)</numerusform>
        </translation>
    </message>
    <message>
        <source>No stitched connection: this process made none to another monitored host that the other host recorded, and none reached it from one.</source>
        <translation>Ninguna conexión enlazada: este proceso no estableció ninguna con otro equipo supervisado que ese equipo registrara, y no le llegó ninguna desde uno.</translation>
    </message>
    <message>
        <source>The chain is cut: it has more steps than are shown.</source>
        <translation>La cadena está cortada: tiene más pasos de los que se muestran.</translation>
    </message>
</context>
<context>
    <name>Deck::Models::HeldArchiveModel</name>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Sec.</translation>
    </message>
    <message>
        <source>Signer key</source>
        <translation>Clave del firmante</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Since (UTC)</source>
        <translation>Desde (UTC)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichero</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>RECHAZADO</translation>
    </message>
    <message>
        <source>fork of its chain</source>
        <translation>bifurcación de su cadena</translation>
    </message>
    <message>
        <source>awaiting trust</source>
        <translation>a la espera de confianza</translation>
    </message>
    <message>
        <source>key conflict</source>
        <translation>conflicto de claves</translation>
    </message>
    <message>
        <source>%1
refused by %2</source>
        <translation>%1
rechazado por %2</translation>
    </message>
    <message>
        <source>%1
machine id %2
signer %3
%4</source>
        <translation>%1
id. de máquina %2
firmante %3
%4</translation>
    </message>
</context>
<context>
    <name>Deck::Models::HostListModel</name>
    <message>
        <source>Host</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Cadena</translation>
    </message>
    <message>
        <source>Last archive (UTC)</source>
        <translation>Último archivo (UTC)</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Tramo</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message numerus="yes">
        <source>untrusted: %n held</source>
        <translation>
            <numerusform>sin confianza: %n retenido</numerusform>
            <numerusform>sin confianza: %n retenidos</numerusform>
        </translation>
    </message>
    <message>
        <source>KEY CONFLICT: %1 held</source>
        <translation>CONFLICTO DE CLAVES: %1 retenidos</translation>
    </message>
    <message numerus="yes">
        <source>trusted; %n held</source>
        <translation>
            <numerusform>de confianza; %n retenido</numerusform>
            <numerusform>de confianza; %n retenidos</numerusform>
        </translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>de confianza</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n verified</source>
        <translation>
            <numerusform>%n verificado</numerusform>
            <numerusform>%n verificados</numerusform>
        </translation>
    </message>
    <message>
        <source>forks held: %1</source>
        <translation>bifurcaciones retenidas: %1</translation>
    </message>
    <message>
        <source>%1 signed by another key</source>
        <translation>%1 firmados por otra clave</translation>
    </message>
    <message>
        <source>%1 awaiting trust</source>
        <translation>%1 a la espera de confianza</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>fork</source>
        <translation>bifurcación</translation>
    </message>
    <message numerus="yes">
        <source>gap: %n missing</source>
        <translation>
            <numerusform>hueco: falta %n</numerusform>
            <numerusform>hueco: faltan %n</numerusform>
        </translation>
    </message>
    <message>
        <source>intact</source>
        <translation>íntegro</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguno aún</translation>
    </message>
    <message>
        <source>%1% recorded</source>
        <translation>%1% registrado</translation>
    </message>
    <message>
        <source>1 crash</source>
        <translation>1 fallo</translation>
    </message>
    <message>
        <source>%1 crashes</source>
        <translation>%1 fallos</translation>
    </message>
    <message>
        <source>%1 lost</source>
        <translation>%1 perdidos</translation>
    </message>
    <message>
        <source>%1
machine id %2
known only from archives held for a trust decision</source>
        <translation>%1
id. de máquina %2
conocido solo por archivos retenidos a la espera de una decisión de confianza</translation>
    </message>
    <message>
        <source>%1
machine id %2
%3, kernel %4</source>
        <translation>%1
id. de máquina %2
%3, kernel %4</translation>
    </message>
    <message>
        <source>trusted %1 (%2) since %3 UTC by %4</source>
        <translation>de confianza %1 (%2) desde %3 UTC por %4</translation>
    </message>
    <message>
        <source>held, not trusted: %1</source>
        <translation>retenido, sin confianza: %1</translation>
    </message>
    <message>
        <source>%1 archive(s) verified and imported, %2 event(s)</source>
        <translation>%1 archivo(s) verificado(s) e importado(s), %2 evento(s)</translation>
    </message>
    <message numerus="yes">
        <source>%n archive(s) missing from the hash chain, %1 fork(s) held</source>
        <translation>
            <numerusform>%n archivo en falta en la cadena de hashes, %1 bifurcación(es) retenida(s)</numerusform>
            <numerusform>%n archivos en falta en la cadena de hashes, %1 bifurcación(es) retenida(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>last imported %1</source>
        <translation>última importación %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message numerus="yes">
        <source>collector not recording for %1 in %n interval(s) (%2 without a clean stop); %3 event(s) reported lost</source>
        <translation>
            <numerusform>recolector sin registrar durante %1 en %n intervalo (%2 sin una detención limpia); %3 evento(s) notificado(s) como perdido(s)</numerusform>
            <numerusform>recolector sin registrar durante %1 en %n intervalos (%2 sin una detención limpia); %3 evento(s) notificado(s) como perdido(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>Desfase de reloj</translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation>no estimado</translation>
    </message>
    <message>
        <source>estimating...</source>
        <translation>estimando...</translation>
    </message>
    <message>
        <source>no pairs</source>
        <translation>sin pares</translation>
    </message>
    <message numerus="yes">
        <source>%1 vs %2 (range %3 to %4, %n pair(s))</source>
        <translation>
            <numerusform>%1 frente a %2 (rango %3 a %4, %n par)</numerusform>
            <numerusform>%1 frente a %2 (rango %3 a %4, %n pares)</numerusform>
        </translation>
    </message>
    <message>
        <source>No connection between %1 and another monitored host was stitched, so its clock offset cannot be estimated. Times are always shown as each host recorded them.</source>
        <translation>No se enlazó ninguna conexión entre %1 y otro host supervisado, así que no se puede estimar su desfase de reloj. Las horas se muestran siempre tal como las registró cada host.</translation>
    </message>
    <message numerus="yes">
        <source>clock of %1 minus clock of %2: median %3, from %4 to %5 over %n stitched connection(s)</source>
        <translation>
            <numerusform>reloj de %1 menos reloj de %2: mediana %3, de %4 a %5 en %n conexión enlazada</numerusform>
            <numerusform>reloj de %1 menos reloj de %2: mediana %3, de %4 a %5 en %n conexiones enlazadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deck::Models::IndicatorListModel</name>
    <message>
        <source>%1 addresses or ranges, %2 domains, %3 digests, %4 path patterns; %5 lines rejected</source>
        <translation>%1 direcciones o rangos, %2 dominios, %3 resúmenes, %4 patrones de ruta; %5 líneas rechazadas</translation>
    </message>
    <message>
        <source>%1
ETag %2, Last-Modified %3
BLAKE2b-256 %4</source>
        <translation>%1
ETag %2, Last-Modified %3
BLAKE2b-256 %4</translation>
    </message>
    <message>
        <source>%1
BLAKE2b-256 %2</source>
        <translation>%1
BLAKE2b-256 %2</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
    <message>
        <source>Updated (UTC)</source>
        <translation>Actualizada (UTC)</translation>
    </message>
    <message>
        <source>Checked (UTC)</source>
        <translation>Comprobada (UTC)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
</context>
<context>
    <name>Deck::Models::IndicatorMatchModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triaje</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>What matched</source>
        <translation>Qué coincidió</translation>
    </message>
</context>
<context>
    <name>Deck::Models::IndicatorUpdater</name>
    <message>
        <source>An indicator list named “%1” exists (from %2): update it, or choose another name.</source>
        <translation>Ya existe una lista de indicadores llamada «%1» (de %2): actualícela o elija otro nombre.</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>Obteniendo %1</translation>
    </message>
    <message>
        <source>%1: removed (its alerts stay)</source>
        <translation>%1: quitada (sus alertas se conservan)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 indicators</source>
        <translation>%1: %2 indicadores</translation>
    </message>
    <message>
        <source>%1 lines rejected (line %2: %3)</source>
        <translation>%1 líneas rechazadas (línea %2: %3)</translation>
    </message>
    <message>
        <source>%1: unchanged</source>
        <translation>%1: sin cambios</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Buscando coincidencias</translation>
    </message>
    <message numerus="yes">
        <source>%n new match(es)</source>
        <translation>
            <numerusform>%n coincidencia nueva</numerusform>
            <numerusform>%n coincidencias nuevas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deck::Models::IntakeService</name>
    <message>
        <source>No case is open: open a case before watching an inbox.</source>
        <translation>No hay ningún caso abierto: abra un caso antes de vigilar una bandeja de entrada.</translation>
    </message>
</context>
<context>
    <name>Deck::Models::IntegrityModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué cambió</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
</context>
<context>
    <name>Deck::Models::MarksModel</name>
    <message>
        <source>process</source>
        <translation>proceso</translation>
    </message>
    <message>
        <source>file event</source>
        <translation>evento de fichero</translation>
    </message>
    <message>
        <source>network event</source>
        <translation>evento de red</translation>
    </message>
    <message>
        <source>state change</source>
        <translation>cambio de estado</translation>
    </message>
    <message>
        <source>path</source>
        <translation>ruta</translation>
    </message>
    <message>
        <source>host</source>
        <translation>equipo</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alerta</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>%1 #%2 (not in the case)</source>
        <translation>%1 n.º %2 (no está en el caso)</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <source>an unknown process</source>
        <translation>un proceso desconocido</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>%1 %2 by %3 on %4</source>
        <translation>%1 %2 por %3 en %4</translation>
    </message>
    <message>
        <source>%1 change (%2) on %3 at %4</source>
        <translation>cambio de %1 (%2) en %3 a las %4</translation>
    </message>
    <message>
        <source>“%1” on %2 (%3)</source>
        <translation>«%1» en %2 (%3)</translation>
    </message>
    <message>
        <source>archive %1 of %2</source>
        <translation>archivo %1 de %2</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <source>%1 (edited %2)</source>
        <translation>%1 (editada %2)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Label / note</source>
        <translation>Etiqueta / nota</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <source>remote endpoint</source>
        <translation>extremo remoto</translation>
    </message>
</context>
<context>
    <name>Deck::Models::NetworkGraph</name>
    <message>
        <source>%1 %2 ports</source>
        <translation>%1 %2 puertos</translation>
    </message>
    <message>
        <source>(no process)</source>
        <translation>(sin proceso)</translation>
    </message>
    <message>
        <source>Network events of %1 that name no process</source>
        <translation>Eventos de red de %1 que no indican ningún proceso</translation>
    </message>
    <message>
        <source>%1 %2 to %3 (stitched: %4)</source>
        <translation>%1 %2 a %3 (enlazada: %4)</translation>
    </message>
</context>
<context>
    <name>Deck::Models::ObjectMarks</name>
    <message>
        <source>Bookmarked</source>
        <translation>Con marcador</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
</context>
<context>
    <name>Deck::Models::ProcessTreeModel</name>
    <message>
        <source>%1  [%2]</source>
        <translation>%1  [%2]</translation>
    </message>
    <message>
        <source>%1 (pid %2), started %3 UTC</source>
        <translation>%1 (pid %2), iniciado %3 UTC</translation>
    </message>
    <message>
        <source>Ended %1 UTC: %2</source>
        <translation>Terminó %1 UTC: %2</translation>
    </message>
    <message>
        <source>No exit recorded; last seen %1 UTC</source>
        <translation>No se registró la salida; visto por última vez %1 UTC</translation>
    </message>
    <message>
        <source>The chain of parents ends here: %1</source>
        <translation>La cadena de padres termina aquí: %1</translation>
    </message>
    <message>
        <source>Outside the user or time filter: shown because processes below it may match</source>
        <translation>Fuera del filtro de usuario o de tiempo: se muestra porque los procesos por debajo pueden coincidir</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Cargando...</translation>
    </message>
    <message>
        <source>Host %1: its processes without a parent in the case are listed below it</source>
        <translation>Equipo %1: sus procesos sin padre en el caso se listan debajo</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Inicio (UTC)</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Línea de comandos</translation>
    </message>
    <message>
        <source>its host is not in the case</source>
        <translation>su equipo no está en el caso</translation>
    </message>
    <message>
        <source>it is on another host than the one shown</source>
        <translation>está en un equipo distinto del mostrado</translation>
    </message>
    <message>
        <source>it is outside the user or time filter</source>
        <translation>está fuera del filtro de usuario o de tiempo</translation>
    </message>
    <message>
        <source>a process above it is outside the user or time filter</source>
        <translation>un proceso por encima está fuera del filtro de usuario o de tiempo</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
</context>
<context>
    <name>Deck::Models::PullJob</name>
    <message>
        <source>no case is open</source>
        <translation>no hay ningún caso abierto</translation>
    </message>
</context>
<context>
    <name>Deck::Models::ReplayTreeModel</name>
    <message>
        <source>running</source>
        <translation>en ejecución</translation>
    </message>
    <message>
        <source>alive at last sight</source>
        <translation>activo cuando se vio por última vez</translation>
    </message>
    <message>
        <source>No exit was recorded, and the recording of this boot ends before this time.</source>
        <translation>No se registró la salida, y la grabación de este arranque termina antes de este momento.</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Inicio (UTC)</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Línea de comandos</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
</context>
<context>
    <name>Deck::Models::TimeScale</name>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
</context>
<context>
    <name>Deck::Models::TrustJob</name>
    <message>
        <source>the trust job ended without a result; nothing is known to have changed</source>
        <translation>la tarea de confianza terminó sin resultado; no consta que haya cambiado nada</translation>
    </message>
</context>
<context>
    <name>Deck::Report::ReportWriter</name>
    <message>
        <source>generated %1 UTC</source>
        <translation>generado %1 UTC</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>página %1 de %2</translation>
    </message>
</context>
<context>
    <name>ProcessText</name>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en ejecución</translation>
    </message>
    <message>
        <source>signal %1 (SIG%2)</source>
        <translation>señal %1 (SIG%2)</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>señal %1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>salida %1</translation>
    </message>
    <message>
        <source>exited (how not seen)</source>
        <translation>terminado (no se vio cómo)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>no parent recorded</source>
        <translation>no se registró el padre</translation>
    </message>
    <message>
        <source>parent pid %1 not in the case</source>
        <translation>el pid padre %1 no está en el caso</translation>
    </message>
    <message>
        <source>ppid %1 not in case</source>
        <translation>ppid %1 no en el caso</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Coverage:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Cobertura:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What the case saw of each host. Solid: evidence (recorded, or a recorded loss). Hatched: no evidence of what happened (not recorded, or archives missing).</source>
        <translation>Lo que el caso vio de cada equipo. Sólido: evidencia (registrado, o una pérdida registrada). Rayado: sin evidencia de lo que ocurrió (no registrado, o faltan archivos).</translation>
    </message>
    <message>
        <source>in the chart: no shown host recorded</source>
        <translation>en el gráfico: ningún equipo mostrado registró</translation>
    </message>
    <message>
        <source>A hatched stretch of the chart has no events because nothing was recorded, not because nothing happened.</source>
        <translation>Un tramo rayado del gráfico no tiene eventos porque no se registró nada, no porque no ocurriera nada.</translation>
    </message>
</context>
<context>
    <name>ReplayText</name>
    <message>
        <source>(no process)</source>
        <translation>(sin proceso)</translation>
    </message>
    <message>
        <source>the case holds no recording of this host</source>
        <translation>el caso no contiene ninguna grabación de este equipo</translation>
    </message>
    <message>
        <source>outside the host&apos;s recording (%1 to %2)</source>
        <translation>fuera de la grabación del equipo (%1 a %2)</translation>
    </message>
    <message>
        <source>the collector was not running from %1 to %2</source>
        <translation>el recolector no estuvo en ejecución desde %1 hasta %2</translation>
    </message>
    <message numerus="yes">
        <source>%n archive(s) missing from the chain between %1 and %2</source>
        <translation>
            <numerusform>falta %n archivo en la cadena entre %1 y %2</numerusform>
            <numerusform>faltan %n archivos en la cadena entre %1 y %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lost %2 %3 from %4 to %5</source>
        <translation>%1 perdió %2 %3 desde %4 hasta %5</translation>
    </message>
    <message>
        <source>no full snapshot of this check before this time</source>
        <translation>no hay ninguna instantánea completa de esta comprobación antes de este momento</translation>
    </message>
    <message>
        <source>Incomplete: %1 may be missing — %2.</source>
        <translation>Incompleto: pueden faltar %1 — %2.</translation>
    </message>
    <message>
        <source>Not known at this time: %1.</source>
        <translation>Desconocido en este momento: %1.</translation>
    </message>
    <message>
        <source>Only the first rows are shown.</source>
        <translation>Solo se muestran las primeras filas.</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Opened (UTC)</source>
        <translation>Abierto (UTC)</translation>
    </message>
    <message>
        <source>Closed after writing (UTC)</source>
        <translation>Cerrado tras escritura (UTC)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>opened before, closed after writing later</source>
        <translation>abierto antes, cerrado tras escritura después</translation>
    </message>
    <message>
        <source>closed after writing later; its open was not recorded</source>
        <translation>cerrado tras escritura después; su apertura no se registró</translation>
    </message>
    <message>
        <source>within a run of repeated writes</source>
        <translation>dentro de una serie de escrituras repetidas</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Remoto</translation>
    </message>
    <message>
        <source>Since (UTC)</source>
        <translation>Desde (UTC)</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>en escucha</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>conexión</translation>
    </message>
    <message>
        <source> (alive at last sight)</source>
        <translation> (activo cuando se vio por última vez)</translation>
    </message>
    <message>
        <source>%1 by %2, recorded as %3</source>
        <translation>%1 de %2, registrado como %3</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichero</translation>
    </message>
    <message>
        <source>In this state since (UTC)</source>
        <translation>En este estado desde (UTC)</translation>
    </message>
    <message>
        <source>Program id</source>
        <translation>Id. de programa</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Collector&apos;s own</source>
        <translation>Propio del recolector</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Arquitectura</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>every host of the case (%1)</source>
        <translation>todos los equipos del caso (%1)</translation>
    </message>
    <message>
        <source>the first event</source>
        <translation>el primer evento</translation>
    </message>
    <message>
        <source>the last event</source>
        <translation>el último evento</translation>
    </message>
    <message>
        <source>the whole case</source>
        <translation>el caso completo</translation>
    </message>
    <message>
        <source>from %1 to %2 UTC</source>
        <translation>desde %1 hasta %2 UTC</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>pid %1 %2</source>
        <translation>pid %1 %2</translation>
    </message>
    <message>
        <source>Generated %1 UTC by %2 with flightdeck</source>
        <translation>Generado %1 UTC por %2 con flightdeck</translation>
    </message>
    <message>
        <source>1  Summary</source>
        <translation>1  Resumen</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <source>Events span</source>
        <translation>Periodo de eventos</translation>
    </message>
    <message>
        <source>%1 UTC (%2)</source>
        <translation>%1 UTC (%2)</translation>
    </message>
    <message>
        <source>no events in scope</source>
        <translation>no hay eventos en el alcance</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>%1 with %2, %3 held back</source>
        <translation>%1 con %2, %3 retenidos</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>archives</source>
        <translation>archivos</translation>
    </message>
    <message>
        <source>event</source>
        <translation>evento</translation>
    </message>
    <message>
        <source>events</source>
        <translation>eventos</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <source>%1 (%2 not yet triaged), %3, %4 bookmarked, %5</source>
        <translation>%1 (%2 aún sin triaje), %3, %4 con marcador, %5</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alerta</translation>
    </message>
    <message>
        <source>alerts</source>
        <translation>alertas</translation>
    </message>
    <message>
        <source>integrity change</source>
        <translation>cambio de integridad</translation>
    </message>
    <message>
        <source>integrity changes</source>
        <translation>cambios de integridad</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>Not seen</source>
        <translation>No visto</translation>
    </message>
    <message>
        <source>%1 lost (collector&apos;s count), %2 missing from the hash chains, %3 of collector downtime</source>
        <translation>%1 perdidos (recuento del recolector), %2 en falta en las cadenas de hashes, %3 de inactividad del recolector</translation>
    </message>
    <message>
        <source>span</source>
        <translation>tramo</translation>
    </message>
    <message>
        <source>spans</source>
        <translation>tramos</translation>
    </message>
    <message>
        <source>%1 bookmarks and notes about other hosts or times are not in this report.</source>
        <translation>%1 marcadores y notas sobre otros equipos u horas no están en este informe.</translation>
    </message>
    <message>
        <source>Hosts covered</source>
        <translation>Equipos cubiertos</translation>
    </message>
    <message>
        <source>The case holds no hosts.</source>
        <translation>El caso no contiene equipos.</translation>
    </message>
    <message>
        <source>signer %1%2</source>
        <translation>firmante %1%2</translation>
    </message>
    <message>
        <source>not recorded in this span</source>
        <translation>no registrado en este tramo</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>machine-id %1</source>
        <translation>machine-id %1</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Events from – to (UTC)</source>
        <translation>Eventos desde – hasta (UTC)</translation>
    </message>
    <message>
        <source>OS / kernel</source>
        <translation>SO / kernel</translation>
    </message>
    <message>
        <source>2  Analyst notes</source>
        <translation>2  Notas del analista</translation>
    </message>
    <message>
        <source>No notes in the scope of this report.</source>
        <translation>No hay notas en el alcance de este informe.</translation>
    </message>
    <message>
        <source>%1
(edited %2)</source>
        <translation>%1
(editada %2)</translation>
    </message>
    <message>
        <source>%1, on %2</source>
        <translation>%1, sobre %2</translation>
    </message>
    <message>
        <source>Written (UTC)</source>
        <translation>Escrita (UTC)</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>3  Timeline</source>
        <translation>3  Línea de tiempo</translation>
    </message>
    <message>
        <source>No events in the scope of this report: there is nothing to draw.</source>
        <translation>No hay eventos en el alcance de este informe: no hay nada que dibujar.</translation>
    </message>
    <message>
        <source>Events per %1 from %2 UTC, added up over %3. Hatched: spans the case did not record (archives missing from a hash chain, collector not running) — no bar there means nothing is known, not that nothing happened.</source>
        <translation>Eventos por %1 desde %2 UTC, sumados a lo largo de %3. Rayado: tramos que el caso no registró (archivos en falta en una cadena de hashes, recolector no en ejecución) — la ausencia de barra allí significa que no se sabe nada, no que no ocurriera nada.</translation>
    </message>
    <message>
        <source>8  Evidence</source>
        <translation>8  Evidencias</translation>
    </message>
    <message>
        <source>Every archive this report rests on. Each was verified when it was imported: its Ed25519 signature by a trusted host key, the BLAKE2b digest of every entry, and its place in the key&apos;s hash chain (sequence number and the previous archive&apos;s digest).</source>
        <translation>Todos los archivos en los que se basa este informe. Cada uno se verificó al importarlo: su firma Ed25519 por una clave de equipo de confianza, el resumen BLAKE2b de cada entrada y su lugar en la cadena de hashes de la clave (número de secuencia y resumen del archivo anterior).</translation>
    </message>
    <message>
        <source>Not recorded:</source>
        <translation>No registrado:</translation>
    </message>
    <message>
        <source>no archive in the case covers the scope of this report.</source>
        <translation>ningún archivo del caso cubre el alcance de este informe.</translation>
    </message>
    <message>
        <source>first of its key</source>
        <translation>primero de su clave</translation>
    </message>
    <message>
        <source>gap: %1 missing before it</source>
        <translation>hueco: faltan %1 antes</translation>
    </message>
    <message>
        <source>late: filled a gap</source>
        <translation>tardío: rellenó un hueco</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>íntegro</translation>
    </message>
    <message>
        <source>valid, trusted signer</source>
        <translation>válido, firmante de confianza</translation>
    </message>
    <message>
        <source>decrypted</source>
        <translation>descifrado</translation>
    </message>
    <message>
        <source>sealed from a recovered journal</source>
        <translation>sellado a partir de un diario recuperado</translation>
    </message>
    <message>
        <source>digest %1
signer %2
source %3</source>
        <translation>resumen %1
firmante %2
origen %3</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Sec.</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Cadena</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>Imported (UTC), by</source>
        <translation>Importado (UTC), por</translation>
    </message>
    <message>
        <source>Archives held back</source>
        <translation>Archivos retenidos</translation>
    </message>
    <message>
        <source>None: no archive of these hosts is held in quarantine.</source>
        <translation>Ninguno: no hay ningún archivo de estos equipos retenido en cuarentena.</translation>
    </message>
    <message>
        <source>These archives are not part of the evidence above: they are held until an analyst decides (an untrusted signer, or a second archive with a sequence number already taken — a fork).</source>
        <translation>Estos archivos no forman parte de las evidencias anteriores: están retenidos hasta que un analista decida (un firmante sin confianza, o un segundo archivo con un número de secuencia ya usado — una bifurcación).</translation>
    </message>
    <message>
        <source>digest %1
signer %2
file %3
%4</source>
        <translation>resumen %1
firmante %2
fichero %3
%4</translation>
    </message>
    <message>
        <source>Held because</source>
        <translation>Motivo de retención</translation>
    </message>
    <message>
        <source>Held since (UTC)</source>
        <translation>Retenido desde (UTC)</translation>
    </message>
    <message>
        <source>9  Chain of custody</source>
        <translation>9  Cadena de custodia</translation>
    </message>
    <message>
        <source>The case&apos;s audit log: who imported, refused, held, trusted, exported or marked what, and when. Each entry was written in the same transaction as the change it records.</source>
        <translation>El registro de auditoría del caso: quién importó, rechazó, retuvo, confió, exportó o marcó qué, y cuándo. Cada entrada se escribió en la misma transacción que el cambio que registra.</translation>
    </message>
    <message>
        <source>%1 entries about archives, notes or bookmarks outside the scope of this report are left out.</source>
        <translation>Se omiten %1 entradas sobre archivos, notas o marcadores fuera del alcance de este informe.</translation>
    </message>
    <message>
        <source>The audit log is empty.</source>
        <translation>El registro de auditoría está vacío.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>4  Bookmarked processes</source>
        <translation>4  Procesos con marcador</translation>
    </message>
    <message>
        <source>No processes are bookmarked in the scope of this report.</source>
        <translation>No hay procesos con marcador en el alcance de este informe.</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 en %2: %3</translation>
    </message>
    <message>
        <source>pid %1 (not in the case)</source>
        <translation>pid %1 (no está en el caso)</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>terminado por la señal %1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>código de salida %1</translation>
    </message>
    <message>
        <source>%1 UTC, %2 (ran %3)</source>
        <translation>%1 UTC, %2 (duró %3)</translation>
    </message>
    <message>
        <source>no exit recorded; last seen %1 UTC</source>
        <translation>no se registró la salida; visto por última vez %1 UTC</translation>
    </message>
    <message>
        <source>no exit recorded</source>
        <translation>no se registró la salida</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Con marcador</translation>
    </message>
    <message>
        <source>%1 UTC by %2</source>
        <translation>%1 UTC por %2</translation>
    </message>
    <message>
        <source>Executable</source>
        <translation>Ejecutable</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Línea de comandos</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Directorio de trabajo</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>uid %1</source>
        <translation>uid %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminó</translation>
    </message>
    <message>
        <source>Ancestry</source>
        <translation>Ascendencia</translation>
    </message>
    <message>
        <source>none: a root process</source>
        <translation>ninguna: un proceso raíz</translation>
    </message>
    <message>
        <source>Note (%1)</source>
        <translation>Nota (%1)</translation>
    </message>
    <message>
        <source> (%1 times)</source>
        <translation> (%1 veces)</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>fichero %1</translation>
    </message>
    <message>
        <source>net %1</source>
        <translation>red %1</translation>
    </message>
    <message>
        <source>child</source>
        <translation>hijo</translation>
    </message>
    <message>
        <source>What it did:</source>
        <translation>Lo que hizo:</translation>
    </message>
    <message>
        <source>The case records no activity of this process.</source>
        <translation>El caso no registra ninguna actividad de este proceso.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Each list is cut at %1 rows; the case holds more (see &quot;flightdeck-cli query did&quot;).</source>
        <translation>Cada lista se corta en %1 filas; el caso contiene más (véase &quot;flightdeck-cli query did&quot;).</translation>
    </message>
    <message>
        <source>5  Bookmarked events and objects</source>
        <translation>5  Eventos y objetos con marcador</translation>
    </message>
    <message>
        <source>No other bookmarks in the scope of this report.</source>
        <translation>No hay otros marcadores en el alcance de este informe.</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <source>Marked by, at (UTC)</source>
        <translation>Marcado por, el (UTC)</translation>
    </message>
    <message>
        <source>6  Integrity changes and alerts</source>
        <translation>6  Cambios de integridad y alertas</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>No alerts in the scope of this report.</source>
        <translation>No hay alertas en el alcance de este informe.</translation>
    </message>
    <message>
        <source>not triaged</source>
        <translation>sin triaje</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triaje</translation>
    </message>
    <message>
        <source>Triaged by, at (UTC)</source>
        <translation>Triaje por, el (UTC)</translation>
    </message>
    <message>
        <source>Integrity changes</source>
        <translation>Cambios de integridad</translation>
    </message>
    <message>
        <source>No integrity changes (packages, kernel modules, BPF programs, watched files, logins, listening sockets) recorded in the scope of this report.</source>
        <translation>No se registraron cambios de integridad (paquetes, módulos del kernel, programas BPF, ficheros vigilados, inicios de sesión, sockets en escucha) en el alcance de este informe.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <source>Items changed</source>
        <translation>Elementos cambiados</translation>
    </message>
    <message>
        <source>Only the first %1 changes are listed; the case holds more.</source>
        <translation>Solo se listan los primeros %1 cambios; el caso contiene más.</translation>
    </message>
    <message>
        <source>7  Coverage gaps and losses</source>
        <translation>7  Huecos de cobertura y pérdidas</translation>
    </message>
    <message>
        <source>What the case did not see. &quot;No losses recorded&quot; means the collector ran, counted what its buffers dropped and reported nothing lost. &quot;Not recorded&quot; means no archive in the case covers that time: nothing is known about it, in either direction.</source>
        <translation>Lo que el caso no vio. «No se registraron pérdidas» significa que el recolector funcionó, contó lo que descartaron sus búferes y no notificó nada perdido. «No registrado» significa que ningún archivo del caso cubre ese tiempo: no se sabe nada de él, en ningún sentido.</translation>
    </message>
    <message>
        <source>the case holds no hosts.</source>
        <translation>el caso no contiene equipos.</translation>
    </message>
    <message>
        <source>no archive of %1 in the case covers the scope of this report; nothing is known about this host in it.</source>
        <translation>ningún archivo de %1 en el caso cubre el alcance de este informe; no se sabe nada de este equipo en él.</translation>
    </message>
    <message>
        <source>No losses recorded:</source>
        <translation>No se registraron pérdidas:</translation>
    </message>
    <message>
        <source>the collector reported no lost events in the archives of this span.</source>
        <translation>el recolector no notificó eventos perdidos en los archivos de este tramo.</translation>
    </message>
    <message>
        <source>Losses recorded:</source>
        <translation>Pérdidas registradas:</translation>
    </message>
    <message>
        <source>the collector reported %1 lost (%2). Activity in these spans may be missing from this report.</source>
        <translation>el recolector notificó %1 perdidos (%2). Puede faltar actividad de estos tramos en este informe.</translation>
    </message>
    <message>
        <source>loss record</source>
        <translation>registro de pérdida</translation>
    </message>
    <message>
        <source>loss records</source>
        <translation>registros de pérdida</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdidos</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>archive seq %1 is</source>
        <translation>el archivo con secuencia %1 está</translation>
    </message>
    <message>
        <source>archives seq %1–%2 are</source>
        <translation>los archivos con secuencia %1–%2 están</translation>
    </message>
    <message>
        <source>from %1 to %2 UTC (%3)</source>
        <translation>desde %1 hasta %2 UTC (%3)</translation>
    </message>
    <message>
        <source>before %1 UTC</source>
        <translation>antes de %1 UTC</translation>
    </message>
    <message>
        <source>%1 missing from the hash chain of signing key #%2; nothing is known about %3 %4.</source>
        <translation>%1 en falta en la cadena de hashes de la clave de firma n.º %2; no se sabe nada de %3 %4.</translation>
    </message>
    <message>
        <source>it was stopped (a stop record was written)</source>
        <translation>se detuvo (se escribió un registro de detención)</translation>
    </message>
    <message>
        <source>it ended without a stop record: a crash, kill or power loss</source>
        <translation>terminó sin un registro de detención: un fallo, una terminación forzada o un corte de alimentación</translation>
    </message>
    <message>
        <source>the collector was not running from %1 to %2 UTC (%3); %4.</source>
        <translation>el recolector no estuvo en ejecución desde %1 hasta %2 UTC (%3); %4.</translation>
    </message>
    <message>
        <source>Recorded throughout:</source>
        <translation>Registrado sin interrupción:</translation>
    </message>
    <message>
        <source>the hash chain has no gaps in this span and the collector ran without a break.</source>
        <translation>la cadena de hashes no tiene huecos en este tramo y el recolector funcionó sin interrupción.</translation>
    </message>
    <message>
        <source>rule %1: %2</source>
        <translation>regla %1: %2</translation>
    </message>
    <message>
        <source>%1 (uid %2)</source>
        <translation>%1 (UID %2)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>gid %1</source>
        <translation>gid %1</translation>
    </message>
    <message>
        <source>%1 (gid %2)</source>
        <translation>%1 (gid %2)</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>processes</source>
        <translation>procesos</translation>
    </message>
    <message>
        <source>files</source>
        <translation>ficheros</translation>
    </message>
    <message>
        <source>network</source>
        <translation>red</translation>
    </message>
    <message>
        <source>integrity</source>
        <translation>integridad</translation>
    </message>
    <message>
        <source>collector</source>
        <translation>recolector</translation>
    </message>
    <message>
        <source>loss records</source>
        <translation>registros de pérdida</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>No events in the scope of this report.</source>
        <translation>No hay eventos en el alcance de este informe.</translation>
    </message>
    <message>
        <source>time (UTC, %1bars of %2); events per bar</source>
        <translation>tiempo (UTC, %1barras de %2); eventos por barra</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Flight Deck: investigate what Flight Recorder recorded on your hosts.</source>
        <translation>Flight Deck: investigue lo que Flight Recorder registró en sus equipos.</translation>
    </message>
    <message>
        <source>A case file or postgresql:// URL to open.</source>
        <translation>Un archivo de caso o una URL postgresql:// que abrir.</translation>
    </message>
</context>
</TS>
