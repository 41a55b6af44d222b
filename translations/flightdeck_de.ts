<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Deck::Gui</name>
    <message>
        <source>Kernel log line on %1</source>
        <translation>Kernel-Logzeile auf %1</translation>
    </message>
    <message>
        <source>State change on %1</source>
        <translation>Zustandsänderung auf %1</translation>
    </message>
    <message>
        <source>%1 change on %2</source>
        <translation>%1-Änderung auf %2</translation>
    </message>
    <message>
        <source> UTC</source>
        <translation> UTC</translation>
    </message>
    <message>
        <source>severity %1</source>
        <translation>Schweregrad %1</translation>
    </message>
    <message>
        <source>Alert #%1</source>
        <translation>Alarm #%1</translation>
    </message>
    <message>
        <source> (by %1 at %2 UTC)</source>
        <translation> (von %1 um %2 UTC)</translation>
    </message>
    <message>
        <source>This stored event could not be read: %1</source>
        <translation>Dieses gespeicherte Ereignis konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Kernel log</source>
        <translation>Kernel-Log</translation>
    </message>
    <message>
        <source>Stored event</source>
        <translation>Gespeichertes Ereignis</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>exec</source>
        <translation>exec</translation>
    </message>
    <message>
        <source>write</source>
        <translation>write</translation>
    </message>
    <message>
        <source>create</source>
        <translation>create</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>delete</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>rename</translation>
    </message>
    <message>
        <source>renamed to</source>
        <translation>umbenannt in</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>bereits importiert</translation>
    </message>
    <message>
        <source>held for trust</source>
        <translation>zurückgehalten (Vertrauen)</translation>
    </message>
    <message>
        <source>held: chain fork</source>
        <translation>zurückgehalten: Kettenverzweigung</translation>
    </message>
    <message>
        <source>refused: signer</source>
        <translation>abgelehnt: Signierer</translation>
    </message>
    <message>
        <source>refused: invalid</source>
        <translation>abgelehnt: ungültig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>unknown host key: needs your decision</source>
        <translation>unbekannter Host-Schlüssel: Ihre Entscheidung ist nötig</translation>
    </message>
    <message>
        <source>REFUSED: host key changed</source>
        <translation>ABGELEHNT: Host-Schlüssel geändert</translation>
    </message>
    <message>
        <source>login refused</source>
        <translation>Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>SSH/SFTP error</source>
        <translation>SSH/SFTP-Fehler</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>remote file error</source>
        <translation>Fehler bei entfernter Datei</translation>
    </message>
    <message>
        <source>local file error</source>
        <translation>Fehler bei lokaler Datei</translation>
    </message>
    <message>
        <source>not supported</source>
        <translation>nicht unterstützt</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::CaseKeyActions</name>
    <message>
        <source>Case &amp;Key...</source>
        <translation>Fallsch&amp;lüssel...</translation>
    </message>
    <message>
        <source>Read the key that decrypts archives encrypted to this case (kept in memory only)</source>
        <translation>Den Schlüssel einlesen, der für diesen Fall verschlüsselte Archive entschlüsselt (nur im Arbeitsspeicher gehalten)</translation>
    </message>
    <message>
        <source>&amp;Forget Case Key</source>
        <translation>Fallschlüssel v&amp;ergessen</translation>
    </message>
    <message>
        <source>No case is open: open a case before giving its key.</source>
        <translation>Kein Fall geöffnet: Öffnen Sie einen Fall, bevor Sie seinen Schlüssel angeben.</translation>
    </message>
    <message>
        <source>Case Key</source>
        <translation>Fallschlüssel</translation>
    </message>
    <message>
        <source>Case key files (*.key);;All files (*)</source>
        <translation>Fallschlüsseldateien (*.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Case key not read: %1</source>
        <translation>Fallschlüssel nicht gelesen: %1</translation>
    </message>
    <message>
        <source>Case key %1</source>
        <translation>Fallschlüssel %1</translation>
    </message>
    <message>
        <source>No case key</source>
        <translation>Kein Fallschlüssel</translation>
    </message>
    <message>
        <source>Archives encrypted to %1 are decrypted on import</source>
        <translation>Für %1 verschlüsselte Archive werden beim Import entschlüsselt</translation>
    </message>
    <message>
        <source>Archives encrypted to the case cannot be imported: Case &gt; Case Key</source>
        <translation>Für den Fall verschlüsselte Archive können nicht importiert werden: Fall &gt; Fallschlüssel</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::CoverageLanesWidget</name>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>No hosts in the case: no coverage to show.</source>
        <translation>Keine Hosts im Fall: keine Abdeckung anzuzeigen.</translation>
    </message>
    <message>
        <source>%1: click to show its events in the chart.</source>
        <translation>%1: Klicken, um die Ereignisse im Diagramm anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::DataInPage</name>
    <message>
        <source>Stop Watching</source>
        <translation>Überwachung beenden</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Import &amp;Folder...</source>
        <translation>&amp;Ordner importieren...</translation>
    </message>
    <message>
        <source>Import F&amp;iles...</source>
        <translation>Dateien &amp;importieren...</translation>
    </message>
    <message>
        <source>&amp;Pull from Hosts...</source>
        <translation>Von Hosts &amp;abrufen...</translation>
    </message>
    <message>
        <source>&amp;Watch Inbox Folder...</source>
        <translation>&amp;Eingangsordner überwachen...</translation>
    </message>
    <message>
        <source>Or drop .frec files and folders on the window.</source>
        <translation>Oder ziehen Sie .frec-Dateien und Ordner auf das Fenster.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Inbox not watched: %1</source>
        <translation>Eingangsordner nicht überwacht: %1</translation>
    </message>
    <message>
        <source>Open a case to import archives, pull them from hosts or watch an inbox folder.</source>
        <translation>Öffnen Sie einen Fall, um Archive zu importieren, von Hosts abzurufen oder einen Eingangsordner zu überwachen.</translation>
    </message>
    <message>
        <source>Inbox: not watching. Collectors that push archives (flightrec push) upload them into a folder; Watch Inbox Folder imports each one as it arrives.</source>
        <translation>Eingangsordner: keine Überwachung. Kollektoren, die Archive senden (flightrec push), laden sie in einen Ordner hoch; „Eingangsordner überwachen“ importiert jedes Archiv, sobald es eintrifft.</translation>
    </message>
    <message>
        <source>Inbox: watching &lt;b&gt;%1&lt;/b&gt;: %2 imported, %3 in the case already, %4 held for trust, %5 refused</source>
        <translation>Eingangsordner: &lt;b&gt;%1&lt;/b&gt; wird überwacht: %2 importiert, %3 bereits im Fall, %4 zurückgehalten (Vertrauen), %5 abgelehnt</translation>
    </message>
    <message numerus="yes">
        <source>, %n still being written</source>
        <translation>
            <numerusform>, %n wird noch geschrieben</numerusform>
            <numerusform>, %n werden noch geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source> Last import %1 UTC.</source>
        <translation> Letzter Import %1 UTC.</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>Letztes Problem: %1</translation>
    </message>
    <message>
        <source>Import Archives</source>
        <translation>Archive importieren</translation>
    </message>
    <message>
        <source>Open or create a case first (Case &gt; Open Case).</source>
        <translation>Öffnen oder erstellen Sie zuerst einen Fall (Fall &gt; Fall öffnen).</translation>
    </message>
    <message>
        <source>Import a Folder of Archives</source>
        <translation>Ordner mit Archiven importieren</translation>
    </message>
    <message>
        <source>Flight Recorder archives (*.frec);;All files (*)</source>
        <translation>Flight-Recorder-Archive (*.frec);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Watch an Inbox Folder</source>
        <translation>Eingangsordner überwachen</translation>
    </message>
    <message>
        <source>Data In</source>
        <translation>Dateneingang</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::DetectionControls</name>
    <message>
        <source>Run &amp;Detections</source>
        <translation>&amp;Erkennungen ausführen</translation>
    </message>
    <message>
        <source>Evaluate the detection rules of the rules folder over the whole case (Ctrl+Shift+D); an alert already raised is not raised again</source>
        <translation>Die Erkennungsregeln des Regelordners über den gesamten Fall auswerten (Ctrl+Shift+D); ein bereits ausgelöster Alarm wird nicht erneut ausgelöst</translation>
    </message>
    <message>
        <source>Rules Folder...</source>
        <translation>Regelordner...</translation>
    </message>
    <message>
        <source>Choose the folder of detection rules (*.rule) used by Run Detections and by imports</source>
        <translation>Den Ordner der Erkennungsregeln (*.rule) wählen, den „Erkennungen ausführen“ und Importe verwenden</translation>
    </message>
    <message>
        <source>Evaluating rule %1 of %2: %3</source>
        <translation>Regel %1 von %2 wird ausgewertet: %3</translation>
    </message>
    <message>
        <source>No rules folder: choose one with Rules Folder...</source>
        <translation>Kein Regelordner: Wählen Sie einen mit „Regelordner...“</translation>
    </message>
    <message>
        <source>Run Detections</source>
        <translation>Erkennungen ausführen</translation>
    </message>
    <message>
        <source>Loading the rules of %1...</source>
        <translation>Regeln aus %1 werden geladen...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Detection Rules Folder</source>
        <translation>Ordner der Erkennungsregeln</translation>
    </message>
    <message>
        <source>Detections cancelled; no alert of the run was kept.</source>
        <translation>Erkennungen abgebrochen; kein Alarm dieses Laufs wurde behalten.</translation>
    </message>
    <message>
        <source>Detections failed: %1</source>
        <translation>Erkennungen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 rules evaluated: %2 objects match, %3 new alerts.</source>
        <translation>%1 Regeln ausgewertet: %2 Objekte mit Treffer, %3 neue Alarme.</translation>
    </message>
    <message>
        <source>Rule files skipped:</source>
        <translation>Übersprungene Regeldateien:</translation>
    </message>
    <message>
        <source>Waiting for the import or pull in progress to end...</source>
        <translation>Warte auf das Ende des laufenden Imports oder Abrufs...</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::DisplayFilterBar</name>
    <message>
        <source>&lt;p&gt;Compare fields with &lt;code&gt;== != contains &amp;lt; &amp;gt; &amp;lt;= &amp;gt;=&lt;/code&gt;, combine with &lt;code&gt;and or not&lt;/code&gt; and parentheses; quote text with &quot;...&quot; (escapes \&quot; \\ \n \t \xHH). Enter applies.&lt;/p&gt;&lt;table&gt;%1&lt;/table&gt;</source>
        <translation>&lt;p&gt;Vergleichen Sie Felder mit &lt;code&gt;== != contains &amp;lt; &amp;gt; &amp;lt;= &amp;gt;=&lt;/code&gt;, verknüpfen Sie mit &lt;code&gt;and or not&lt;/code&gt; und Klammern; setzen Sie Text in &quot;...&quot; (Escapes \&quot; \\ \n \t \xHH). Eingabetaste wendet an.&lt;/p&gt;&lt;table&gt;%1&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Display filter, e.g. proc.exe contains &quot;curl&quot; and net.rport == 443   (Ctrl+/)</source>
        <translation>Anzeigefilter, z. B. proc.exe contains &quot;curl&quot; and net.rport == 443   (Ctrl+/)</translation>
    </message>
    <message>
        <source>Apply the display filter (Enter)</source>
        <translation>Anzeigefilter anwenden (Eingabetaste)</translation>
    </message>
    <message>
        <source>Invalid filter — %1</source>
        <translation>Ungültiger Filter — %1</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::EventsPage</name>
    <message>
        <source>Show all hosts and times</source>
        <translation>Alle Hosts und Zeiten anzeigen</translation>
    </message>
    <message>
        <source>Clear the host and time range selected in the other views</source>
        <translation>Die in den anderen Ansichten gewählte Host- und Zeitauswahl aufheben</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation>Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Open a case (File &gt; Open) to see every event it holds: processes, files, connections, integrity changes and losses, in time order.</source>
        <translation>Öffnen Sie einen Fall (Datei &gt; Öffnen), um alle seine Ereignisse zu sehen: Prozesse, Dateien, Verbindungen, Integritätsänderungen und Verluste, in zeitlicher Reihenfolge.</translation>
    </message>
    <message>
        <source>Host %1 only</source>
        <translation>Nur Host %1</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>from %1 to %2 UTC</source>
        <translation>von %1 bis %2 UTC</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>all times</source>
        <translation>alle Zeiten</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>%1 events so far, counting…</source>
        <translation>Bisher %1 Ereignisse, Zählung läuft…</translation>
    </message>
    <message>
        <source>No events in this case for the host and time range selected.</source>
        <translation>Keine Ereignisse in diesem Fall für den gewählten Host und Zeitraum.</translation>
    </message>
    <message>
        <source>No event matches the filter “%1” for the host and time range selected.</source>
        <translation>Kein Ereignis entspricht dem Filter „%1“ für den gewählten Host und Zeitraum.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>%1 events so far of about %2, counting…</source>
        <translation>Bisher %1 von etwa %2 Ereignissen, Zählung läuft…</translation>
    </message>
    <message>
        <source>%1 events counted; counting stopped</source>
        <translation>%1 Ereignisse gezählt; Zählung angehalten</translation>
    </message>
    <message>
        <source>%1 events counted of about %2; counting stopped</source>
        <translation>%1 von etwa %2 Ereignissen gezählt; Zählung angehalten</translation>
    </message>
    <message>
        <source>Stop counting</source>
        <translation>Zählung anhalten</translation>
    </message>
    <message>
        <source>Count the rest</source>
        <translation>Rest zählen</translation>
    </message>
    <message>
        <source>Stop counting the events (Esc): the rows counted so far stay and can be read</source>
        <translation>Die Zählung der Ereignisse anhalten (Esc): die bisher gezählten Zeilen bleiben erhalten und lesbar</translation>
    </message>
    <message>
        <source>Count the rest of the events, to scroll beyond the rows counted</source>
        <translation>Die restlichen Ereignisse zählen, um über die gezählten Zeilen hinaus zu scrollen</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::FileGraphPage</name>
    <message>
        <source>No process or file selected.

Select a process (in the process tree or the events) or a file to see which files it touched or which processes touched it. Double-click a node to expand it; click it to select it in every view.</source>
        <translation>Kein Prozess und keine Datei ausgewählt.

Wählen Sie einen Prozess (im Prozessbaum oder in den Ereignissen) oder eine Datei, um zu sehen, welche Dateien er berührt hat oder welche Prozesse sie berührt haben. Doppelklicken Sie auf einen Knoten, um ihn zu erweitern; klicken Sie darauf, um ihn in allen Ansichten auszuwählen.</translation>
    </message>
    <message>
        <source>%1: no file events in this time range.</source>
        <translation>%1: keine Dateiereignisse in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>File Access</source>
        <translation>Dateizugriff</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::FollowProcessDialog</name>
    <message>
        <source>Follow Process #%1</source>
        <translation>Prozess #%1 verfolgen</translation>
    </message>
    <message>
        <source>Following process #%1 across hosts…</source>
        <translation>Prozess #%1 wird über Hosts hinweg verfolgt…</translation>
    </message>
    <message>
        <source>connection to web-01 (4-tuple+ssh-env)</source>
        <translation>Verbindung zu web-01 (4-tuple+ssh-env)</translation>
    </message>
    <message>
        <source>ssh session (SSH_CONNECTION)</source>
        <translation>SSH-Sitzung (SSH_CONNECTION)</translation>
    </message>
    <message>
        <source>The chain could not be read: %1</source>
        <translation>Die Kette konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (pid %2) on %3: %n stitched connection(s) across %4 host(s). Times in the last column are on %3&apos;s clock; the recorded times are not changed.</source>
        <translation>
            <numerusform>%1 (pid %2) auf %3: %n verknüpfte Verbindung über %4 Host(s). Die Zeiten in der letzten Spalte beziehen sich auf die Uhr von %3; die aufgezeichneten Zeiten werden nicht geändert.</numerusform>
            <numerusform>%1 (pid %2) auf %3: %n verknüpfte Verbindungen über %4 Host(s). Die Zeiten in der letzten Spalte beziehen sich auf die Uhr von %3; die aufgezeichneten Zeiten werden nicht geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to follow.</source>
        <translation>Nichts zu verfolgen.</translation>
    </message>
    <message>
        <source>&amp;Follow Process</source>
        <translation>Prozess &amp;verfolgen</translation>
    </message>
    <message>
        <source>The process&apos;s chain across monitored hosts: its connections, the processes that accepted them and what they ran</source>
        <translation>Die Kette des Prozesses über überwachte Hosts hinweg: seine Verbindungen, die Prozesse, die sie angenommen haben, und was diese ausgeführt haben</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::GraphMarks</name>
    <message>
        <source>Bookmarked</source>
        <translation>Mit Lesezeichen</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>Bookmarked: %1</source>
        <translation>Lesezeichen: %1</translation>
    </message>
    <message>
        <source>Note on %1: %2</source>
        <translation>Notiz zu %1: %2</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::GraphPanel</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Events up to:</source>
        <translation>Ereignisse bis:</translation>
    </message>
    <message>
        <source>Show only the events up to this time (all the way right: every event in the range)</source>
        <translation>Nur die Ereignisse bis zu diesem Zeitpunkt anzeigen (ganz rechts: alle Ereignisse im Zeitraum)</translation>
    </message>
    <message>
        <source>The graph could not be read: %1</source>
        <translation>Der Graph konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: nothing found in this time range.</source>
        <translation>%1: in diesem Zeitraum nichts gefunden.</translation>
    </message>
    <message>
        <source>every event</source>
        <translation>alle Ereignisse</translation>
    </message>
    <message>
        <source>Nodes: %1, edges: %2</source>
        <translation>Knoten: %1, Kanten: %2</translation>
    </message>
    <message>
        <source>; %1 more not shown (double-click a &quot;more&quot; node)</source>
        <translation>; %1 weitere nicht angezeigt (doppelklicken Sie auf einen „weitere“-Knoten)</translation>
    </message>
    <message>
        <source>; the graph is at its limit of %1 nodes: clear it or start from another node</source>
        <translation>; der Graph hat seine Grenze von %1 Knoten erreicht: leeren Sie ihn oder beginnen Sie bei einem anderen Knoten</translation>
    </message>
    <message>
        <source>. Double-click a node to expand it (bold: expanded).</source>
        <translation>. Doppelklicken Sie auf einen Knoten, um ihn zu erweitern (fett: erweitert).</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::GraphView</name>
    <message numerus="yes">
        <source>%n more…</source>
        <translation>
            <numerusform>%n weiterer…</numerusform>
            <numerusform>%n weitere…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 more not shown.
Double-click to show the next ones.</source>
        <translation>%1 weitere nicht angezeigt.
Doppelklicken, um die nächsten anzuzeigen.</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Remote addresses</source>
        <translation>Entfernte Adressen</translation>
    </message>
    <message>
        <source>%1
first %2
last %3</source>
        <translation>%1
erstes %2
letztes %3</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::HostsPage</name>
    <message>
        <source>Archives</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Importing %1 (%2 of %3)</source>
        <translation>%1 wird importiert (%2 von %3)</translation>
    </message>
    <message>
        <source>&amp;Decide Trust...</source>
        <translation>&amp;Vertrauen entscheiden...</translation>
    </message>
    <message>
        <source>Trust or refuse the signer of the selected archive (Enter or double-click a row)</source>
        <translation>Dem Signierer des ausgewählten Archivs vertrauen oder ihn ablehnen (Eingabetaste oder Doppelklick auf eine Zeile)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>No case open.
Open or create one with Case &gt; Open Case... (Ctrl+O).</source>
        <translation>Kein Fall geöffnet.
Öffnen oder erstellen Sie einen mit Fall &gt; Fall öffnen... (Ctrl+O).</translation>
    </message>
    <message>
        <source>The hosts could not be read: %1</source>
        <translation>Die Hosts konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This case has no hosts yet.
Import archives or pull them from your hosts; each host appears here once its first archive is verified, or is held for your trust decision.</source>
        <translation>Dieser Fall hat noch keine Hosts.
Importieren Sie Archive oder rufen Sie sie von Ihren Hosts ab; jeder Host erscheint hier, sobald sein erstes Archiv verifiziert ist oder für Ihre Vertrauensentscheidung zurückgehalten wird.</translation>
    </message>
    <message>
        <source>Quarantine (%1)</source>
        <translation>Quarantäne (%1)</translation>
    </message>
    <message numerus="yes">
        <source>, %n refused</source>
        <translation>
            <numerusform>, %n abgelehnt</numerusform>
            <numerusform>, %n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>Archives of %1</source>
        <translation>Archive von %1</translation>
    </message>
    <message>
        <source>%1 has no imported archives: its archives wait in the Quarantine tab for a trust decision.</source>
        <translation>%1 hat keine importierten Archive: seine Archive warten im Tab „Quarantäne“ auf eine Vertrauensentscheidung.</translation>
    </message>
    <message>
        <source>Select a host above to see its chain of custody: every archive with its sequence number, time range, digest, signer, verdict and source.</source>
        <translation>Wählen Sie oben einen Host, um seine Beweiskette zu sehen: jedes Archiv mit Sequenznummer, Zeitraum, Digest, Signierer, Befund und Quelle.</translation>
    </message>
    <message>
        <source>Trusting the key...</source>
        <translation>Schlüssel wird als vertrauenswürdig eingetragen...</translation>
    </message>
    <message>
        <source>Not trusted: %1</source>
        <translation>Nicht vertraut: %1</translation>
    </message>
    <message>
        <source>the first host whose archives it signs</source>
        <translation>der erste Host, dessen Archive er signiert</translation>
    </message>
    <message>
        <source>Trusted %1 for %2. Held archives imported: %3.</source>
        <translation>%1 für %2 vertraut. Zurückgehaltene Archive importiert: %3.</translation>
    </message>
    <message>
        <source>Cancelled: the archive being imported was rolled back; those imported before stay.</source>
        <translation>Abgebrochen: das gerade importierte Archiv wurde zurückgerollt; die zuvor importierten bleiben.</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::ImportDialog</name>
    <message>
        <source>Import Archives</source>
        <translation>Archive importieren</translation>
    </message>
    <message>
        <source>Looking for archives in %1 ...</source>
        <translation>Suche nach Archiven in %1 ...</translation>
    </message>
    <message numerus="yes">
        <source>Looking for archives in %n files and folders ...</source>
        <translation>
            <numerusform>Suche nach Archiven in %n Datei bzw. Ordner ...</numerusform>
            <numerusform>Suche nach Archiven in %n Dateien und Ordnern ...</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling: the archive being imported is rolled back, no other is started ...</source>
        <translation>Wird abgebrochen: das gerade importierte Archiv wird zurückgerollt, kein weiteres wird begonnen ...</translation>
    </message>
    <message numerus="yes">
        <source>%n places</source>
        <translation>
            <numerusform>%n Ort</numerusform>
            <numerusform>%n Orten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n archives (%1) from %2</source>
        <translation>
            <numerusform>%n Archiv (%1) wird aus %2 importiert</numerusform>
            <numerusform>%n Archive (%1) werden aus %2 importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 archives</source>
        <translation>%1 von %2 Archiven</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n not started</source>
        <translation>
            <numerusform>%n nicht gestartet</numerusform>
            <numerusform>%n nicht gestartet</numerusform>
        </translation>
    </message>
    <message>
        <source>No .frec archives were found.</source>
        <translation>Es wurden keine .frec-Archive gefunden.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>nicht importiert</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>abgebrochen, bevor es begann</translation>
    </message>
    <message>
        <source>%1: not imported: the import was cancelled before it started</source>
        <translation>%1: nicht importiert: der Import wurde abgebrochen, bevor er begann</translation>
    </message>
    <message>
        <source>no archives</source>
        <translation>keine Archive</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Cancelled. %1 was being imported and was rolled back; the case holds only whole archives.</source>
        <translation>Abgebrochen. %1 wurde gerade importiert und zurückgerollt; der Fall enthält nur vollständige Archive.</translation>
    </message>
    <message>
        <source>Cancelled between two archives; the case holds only whole archives.</source>
        <translation>Zwischen zwei Archiven abgebrochen; der Fall enthält nur vollständige Archive.</translation>
    </message>
    <message>
        <source> - now: %1</source>
        <translation> - jetzt: %1</translation>
    </message>
    <message numerus="yes">
        <source> - %n not committed yet</source>
        <translation>
            <numerusform> - %n noch nicht festgeschrieben</numerusform>
            <numerusform> - %n noch nicht festgeschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deck::Gui::IndicatorsPage</name>
    <message>
        <source>Add &amp;File...</source>
        <translation>&amp;Datei hinzufügen...</translation>
    </message>
    <message>
        <source>Add &amp;URL...</source>
        <translation>&amp;URL hinzufügen...</translation>
    </message>
    <message>
        <source>&amp;Update All</source>
        <translation>Alle &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Match Again</source>
        <translation>Erneut ab&amp;gleichen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>While a case is open, lists from URLs are fetched again this often (conditional requests: an unchanged list is not downloaded again).</source>
        <translation>Solange ein Fall geöffnet ist, werden Listen von URLs in diesem Abstand erneut abgerufen (bedingte Anfragen: eine unveränderte Liste wird nicht erneut heruntergeladen).</translation>
    </message>
    <message>
        <source>Open a case to manage its indicator lists.</source>
        <translation>Öffnen Sie einen Fall, um seine Indikatorlisten zu verwalten.</translation>
    </message>
    <message>
        <source>No indicator lists yet.

Add a list of IP addresses and CIDR ranges, domains, file digests or path patterns from a file or a URL: plain text, one per line (&apos;#&apos; comments), or CSV with a &apos;type&apos; and a &apos;value&apos; column. Every match becomes an alert.</source>
        <translation>Noch keine Indikatorlisten.

Fügen Sie eine Liste von IP-Adressen und CIDR-Bereichen, Domains, Datei-Digests oder Pfadmustern aus einer Datei oder von einer URL hinzu: Klartext, ein Eintrag pro Zeile (&apos;#&apos; für Kommentare), oder CSV mit einer Spalte &apos;type&apos; und einer Spalte &apos;value&apos;. Jeder Treffer wird zu einem Alarm.</translation>
    </message>
    <message>
        <source>No indicator matched the case.

Addresses are matched against connections (remote and local), digests against the executables&apos; BLAKE2b-256, path patterns against every recorded path, and domains against process arguments and paths (the collector records no DNS).</source>
        <translation>Kein Indikator traf im Fall zu.

Adressen werden mit Verbindungen abgeglichen (Gegenstelle und lokal), Digests mit dem BLAKE2b-256 der ausführbaren Dateien, Pfadmuster mit jedem aufgezeichneten Pfad und Domains mit Prozessargumenten und Pfaden (der Kollektor zeichnet kein DNS auf).</translation>
    </message>
    <message>
        <source>Refresh URL lists &amp;every:</source>
        <translation>URL-Listen aktualisieren a&amp;lle:</translation>
    </message>
    <message>
        <source>%1: %2 of %3 KiB</source>
        <translation>%1: %2 von %3 KiB</translation>
    </message>
    <message>
        <source>%1: %2 KiB</source>
        <translation>%1: %2 KiB</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Matches: the newest %1 (double-click to select the evidence in every view)</source>
        <translation>Treffer: die neuesten %1 (Doppelklick wählt die Belege in allen Ansichten aus)</translation>
    </message>
    <message>
        <source>Matches: %1 (double-click to select the evidence in every view)</source>
        <translation>Treffer: %1 (Doppelklick wählt die Belege in allen Ansichten aus)</translation>
    </message>
    <message>
        <source>Add Indicator List</source>
        <translation>Indikatorliste hinzufügen</translation>
    </message>
    <message>
        <source>Indicator lists (*.txt *.csv *.list *.ioc);;All files (*)</source>
        <translation>Indikatorlisten (*.txt *.csv *.list *.ioc);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Name of the list:</source>
        <translation>Name der Liste:</translation>
    </message>
    <message>
        <source>URL of the list (http or https):</source>
        <translation>URL der Liste (http oder https):</translation>
    </message>
    <message>
        <source>%1 is not an http or https URL.</source>
        <translation>%1 ist keine http- oder https-URL.</translation>
    </message>
    <message>
        <source>Remove Indicator List</source>
        <translation>Indikatorliste entfernen</translation>
    </message>
    <message>
        <source>Remove the indicator list “%1”? The alerts it raised stay in the case.</source>
        <translation>Die Indikatorliste „%1“ entfernen? Die von ihr ausgelösten Alarme bleiben im Fall.</translation>
    </message>
    <message>
        <source>The evidence of this match is no longer in the case.</source>
        <translation>Die Belege dieses Treffers sind nicht mehr im Fall.</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatoren</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::IntegrityPage</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Investigating</source>
        <translation>&amp;In Untersuchung</translation>
    </message>
    <message>
        <source>&amp;Benign</source>
        <translation>Harm&amp;los</translation>
    </message>
    <message>
        <source>&amp;Malicious</source>
        <translation>&amp;Bösartig</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Show All Times</source>
        <translation>Alle Zeiten anzeigen</translation>
    </message>
    <message>
        <source>Clear the time range of every view</source>
        <translation>Den Zeitraum aller Ansichten aufheben</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>All alerts</source>
        <translation>Alle Alarme</translation>
    </message>
    <message>
        <source>Open (new or investigating)</source>
        <translation>Offen (neu oder in Untersuchung)</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Nur %1</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>Triage:</source>
        <translation>Triage:</translation>
    </message>
    <message>
        <source>Mark the selected alert %1 (%2)</source>
        <translation>Ausgewählten Alarm als %1 markieren (%2)</translation>
    </message>
    <message>
        <source>No alert in the triage states shown.</source>
        <translation>Kein Alarm in den angezeigten Triage-Zuständen.</translation>
    </message>
    <message>
        <source>No alerts on the selected host in the selected time range.</source>
        <translation>Keine Alarme auf dem gewählten Host im gewählten Zeitraum.</translation>
    </message>
    <message>
        <source>Set &amp;Triage</source>
        <translation>&amp;Triage setzen</translation>
    </message>
    <message>
        <source>State changes</source>
        <translation>Zustandsänderungen</translation>
    </message>
    <message>
        <source>No integrity change on the selected host in the selected time range.</source>
        <translation>Keine Integritätsänderung auf dem gewählten Host im gewählten Zeitraum.</translation>
    </message>
    <message>
        <source>No integrity change in this case: the collectors&apos; checks saw the same state throughout.</source>
        <translation>Keine Integritätsänderung in diesem Fall: die Prüfungen der Kollektoren sahen durchgehend denselben Zustand.</translation>
    </message>
    <message>
        <source>Alert #%1 marked %2.</source>
        <translation>Alarm #%1 als %2 markiert.</translation>
    </message>
    <message>
        <source>The state change of this alert is not in the case.</source>
        <translation>Die Zustandsänderung dieses Alarms ist nicht im Fall.</translation>
    </message>
    <message>
        <source>Open a case (Case &gt; Open Case...) to see the integrity changes of its hosts and the alerts raised from them.</source>
        <translation>Öffnen Sie einen Fall (Fall &gt; Fall öffnen...), um die Integritätsänderungen seiner Hosts und die daraus ausgelösten Alarme zu sehen.</translation>
    </message>
    <message>
        <source>Select an alert or a state change to see what changed.</source>
        <translation>Wählen Sie einen Alarm oder eine Zustandsänderung, um zu sehen, was sich geändert hat.</translation>
    </message>
    <message>
        <source>The collector&apos;s integrity checks report installed packages, package files that differ from dpkg&apos;s digests, kernel modules, BPF programs, watched files, logins and listening sockets; kernel log lines about modules and BPF are listed with them. High-severity changes raise alerts. Double-click a row to show its host in every view.</source>
        <translation>Die Integritätsprüfungen des Kollektors melden installierte Pakete, Paketdateien, die von den Digests von dpkg abweichen, Kernelmodule, BPF-Programme, überwachte Dateien, Anmeldungen und lauschende Sockets; Kernel-Logzeilen zu Modulen und BPF werden mit ihnen aufgeführt. Änderungen mit hohem Schweregrad lösen Alarme aus. Doppelklicken Sie auf eine Zeile, um ihren Host in allen Ansichten anzuzeigen.</translation>
    </message>
    <message>
        <source>host #%1</source>
        <translation>Host #%1</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>Time: all</source>
        <translation>Zeit: alle</translation>
    </message>
    <message>
        <source>Time: %1 to %2 UTC</source>
        <translation>Zeit: %1 bis %2 UTC</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>could not be read: %1</source>
        <translation>konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (the first ones only; narrow the host or time range)</source>
        <translation>%1 (nur die ersten; grenzen Sie Host oder Zeitraum ein)</translation>
    </message>
    <message>
        <source>1 alert</source>
        <translation>1 Alarm</translation>
    </message>
    <message>
        <source>%1 alerts</source>
        <translation>%1 Alarme</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 Änderung</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 Änderungen</translation>
    </message>
    <message>
        <source>Integrity &amp;&amp; Alerts</source>
        <translation>Integrität &amp;&amp; Alarme</translation>
    </message>
    <message>
        <source>No alerts in this case: none of its integrity changes is of high severity, and no detection rule matched (Run Detections evaluates the rules again).</source>
        <translation>Keine Alarme in diesem Fall: keine seiner Integritätsänderungen hat einen hohen Schweregrad, und keine Erkennungsregel traf zu („Erkennungen ausführen“ wertet die Regeln erneut aus).</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::KindLegend</name>
    <message>
        <source>&lt;b&gt;Events&lt;/b&gt; (click to hide)</source>
        <translation>&lt;b&gt;Ereignisse&lt;/b&gt; (zum Ausblenden klicken)</translation>
    </message>
    <message>
        <source>Each kind of event the archives hold, stacked in the chart in this order.</source>
        <translation>Jede Ereignisart in den Archiven, in dieser Reihenfolge im Diagramm gestapelt.</translation>
    </message>
    <message>
        <source>no events here</source>
        <translation>hier keine Ereignisse</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::MainWindow</name>
    <message>
        <source>Cannot open the case</source>
        <translation>Der Fall kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Fall</translation>
    </message>
    <message>
        <source>&amp;New Case...</source>
        <translation>&amp;Neuer Fall...</translation>
    </message>
    <message>
        <source>&amp;Open Case...</source>
        <translation>Fall ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Open &amp;PostgreSQL Case...</source>
        <translation>&amp;PostgreSQL-Fall öffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation>Fall &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>%1 wird geöffnet...</translation>
    </message>
    <message>
        <source>New Case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <source>Flight Recorder cases (*.sqlite);;All files (*)</source>
        <translation>Flight-Recorder-Fälle (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 already exists; open it with Open Case instead.</source>
        <translation>%1 existiert bereits; öffnen Sie die Datei mit „Fall öffnen“.</translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation>Fall öffnen</translation>
    </message>
    <message>
        <source>Open PostgreSQL Case</source>
        <translation>PostgreSQL-Fall öffnen</translation>
    </message>
    <message>
        <source>Connection URL (postgresql://user@host:port/database; the password comes from ~/.pgpass):</source>
        <translation>Verbindungs-URL (postgresql://benutzer@host:port/datenbank; das Passwort kommt aus ~/.pgpass):</translation>
    </message>
    <message>
        <source>No recent cases</source>
        <translation>Keine zuletzt geöffneten Fälle</translation>
    </message>
    <message>
        <source>no case open</source>
        <translation>kein Fall geöffnet</translation>
    </message>
    <message>
        <source>%1 - Flight Deck</source>
        <translation>%1 – Flight Deck</translation>
    </message>
    <message>
        <source>Case: %1</source>
        <translation>Fall: %1</translation>
    </message>
    <message>
        <source>No case open (Case &gt; Open Case...)</source>
        <translation>Kein Fall geöffnet (Fall &gt; Fall öffnen...)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes when Flight Deck starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Flight Deck.</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Incident &amp;Report...</source>
        <translation>&amp;Vorfallsbericht...</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::MarkActions</name>
    <message>
        <source>&amp;Bookmark</source>
        <translation>&amp;Lesezeichen</translation>
    </message>
    <message>
        <source>Add &amp;Note...</source>
        <translation>&amp;Notiz hinzufügen...</translation>
    </message>
    <message>
        <source>Bookmarked.</source>
        <translation>Lesezeichen gesetzt.</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Note on this %1 (kept in the case, with your name and the time):</source>
        <translation>Notiz zu diesem Eintrag (%1; im Fall gespeichert, mit Ihrem Namen und der Uhrzeit):</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Notiz hinzugefügt.</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Lesezeichen und Notizen</translation>
    </message>
    <message>
        <source>Note on remote endpoint %1 (kept in the case, with your name and the time):</source>
        <translation>Notiz zum entfernten Endpunkt %1 (wird im Fall gespeichert, mit Ihrem Namen und der Uhrzeit):</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::MarksPage</name>
    <message>
        <source>&amp;Edit Note...</source>
        <translation>Notiz &amp;bearbeiten...</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Lesezeichen und Notizen</translation>
    </message>
    <message>
        <source>Bookmarks only</source>
        <translation>Nur Lesezeichen</translation>
    </message>
    <message>
        <source>Notes only</source>
        <translation>Nur Notizen</translation>
    </message>
    <message>
        <source>Open a case to see its bookmarks and notes.</source>
        <translation>Öffnen Sie einen Fall, um seine Lesezeichen und Notizen zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>The bookmarks and notes could not be read: %1</source>
        <translation>Die Lesezeichen und Notizen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Double-click or press Enter to select the object in every view; F2 edits a note, Delete removes a bookmark or note. Each change is recorded in the case&apos;s audit log.</source>
        <translation>Doppelklicken oder Eingabetaste, um das Objekt in allen Ansichten auszuwählen; F2 bearbeitet eine Notiz, Entf entfernt ein Lesezeichen oder eine Notiz. Jede Änderung wird im Audit-Log des Falls protokolliert.</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Note edited.</source>
        <translation>Notiz bearbeitet.</translation>
    </message>
    <message>
        <source>Remove this note on %1?</source>
        <translation>Diese Notiz zu %1 entfernen?</translation>
    </message>
    <message>
        <source>Remove this bookmark on %1?</source>
        <translation>Dieses Lesezeichen zu %1 entfernen?</translation>
    </message>
    <message>
        <source>Note removed.</source>
        <translation>Notiz entfernt.</translation>
    </message>
    <message>
        <source>Bookmark removed.</source>
        <translation>Lesezeichen entfernt.</translation>
    </message>
    <message>
        <source>Bookmarks &amp;&amp; Notes</source>
        <translation>Lesezeichen &amp;&amp; Notizen</translation>
    </message>
    <message>
        <source>No bookmarks or notes yet.

In any list or graph, right-click a process, event, file, host, alert or remote address and choose Bookmark (Ctrl+B) or Add Note (Ctrl+Alt+C).</source>
        <translation>Noch keine Lesezeichen oder Notizen.

Klicken Sie in einer Liste oder einem Graphen mit der rechten Maustaste auf einen Prozess, ein Ereignis, eine Datei, einen Host, einen Alarm oder eine entfernte Adresse und wählen Sie Lesezeichen (Strg+B) oder Notiz hinzufügen (Strg+Alt+C).</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::NetworkPage</name>
    <message>
        <source>No network events in this case (or in the selected time range).</source>
        <translation>Keine Netzwerkereignisse in diesem Fall (oder im gewählten Zeitraum).</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Konversationen</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>%1: no network events with a remote end in this time range.</source>
        <translation>%1: keine Netzwerkereignisse mit entferntem Ende in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>The table could not be read: %1</source>
        <translation>Die Tabelle konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 of %2 conversations (scroll for more)</source>
        <translation>%1 von %2 Konversationen (für mehr scrollen)</translation>
    </message>
    <message>
        <source>%1 conversations</source>
        <translation>%1 Konversationen</translation>
    </message>
    <message>
        <source>%1 of %2 remote addresses (scroll for more)</source>
        <translation>%1 von %2 entfernten Adressen (für mehr scrollen)</translation>
    </message>
    <message>
        <source>%1 remote addresses</source>
        <translation>%1 entfernte Adressen</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::ProcessDetailWidget</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Gestartet (UTC)</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Kindprozesse</translation>
    </message>
    <message>
        <source>Double-click or Enter: select the path in every view</source>
        <translation>Doppelklick oder Eingabetaste: den Pfad in allen Ansichten auswählen</translation>
    </message>
    <message>
        <source>Double-click or Enter: select the remote endpoint in every view</source>
        <translation>Doppelklick oder Eingabetaste: den entfernten Endpunkt in allen Ansichten auswählen</translation>
    </message>
    <message>
        <source>Double-click or Enter: select the child process</source>
        <translation>Doppelklick oder Eingabetaste: den Kindprozess auswählen</translation>
    </message>
    <message>
        <source>Cannot show the process</source>
        <translation>Der Prozess kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>No process selected</source>
        <translation>Kein Prozess ausgewählt</translation>
    </message>
    <message>
        <source>Select a process in the tree, or find one by name or command line (Ctrl+F), to see its command line, user, working directory, executable, environment and what it did.</source>
        <translation>Wählen Sie einen Prozess im Baum oder suchen Sie ihn nach Name oder Befehlszeile (Ctrl+F), um Befehlszeile, Benutzer, Arbeitsverzeichnis, ausführbare Datei, Umgebung und seine Aktivitäten zu sehen.</translation>
    </message>
    <message>
        <source>Loading process #%1...</source>
        <translation>Prozess #%1 wird geladen...</translation>
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
        <translation>Dateien (%1)</translation>
    </message>
    <message>
        <source>Connections (%1)</source>
        <translation>Verbindungen (%1)</translation>
    </message>
    <message>
        <source>Children (%1)</source>
        <translation>Kindprozesse (%1)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source> at %1 UTC</source>
        <translation> um %1 UTC</translation>
    </message>
    <message>
        <source>, core dumped</source>
        <translation>, Core-Dump erstellt</translation>
    </message>
    <message>
        <source> (no exit recorded; last seen %1 UTC)</source>
        <translation> (kein Ende aufgezeichnet; zuletzt gesehen %1 UTC)</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Elternprozess</translation>
    </message>
    <message>
        <source>none (pid 0)</source>
        <translation>keiner (pid 0)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>uid %1, euid %2, gid %3, egid %4</source>
        <translation>uid %1, euid %2, gid %3, egid %4</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>login uid %1, session %2, tty %3</source>
        <translation>Login-uid %1, Sitzung %2, tty %3</translation>
    </message>
    <message>
        <source>Executable</source>
        <translation>Ausführbare Datei</translation>
    </message>
    <message>
        <source>Exe digest</source>
        <translation>Exe-Digest</translation>
    </message>
    <message>
        <source>not recorded (not proved by the collector)</source>
        <translation>nicht aufgezeichnet (vom Kollektor nicht nachgewiesen)</translation>
    </message>
    <message>
        <source>Working dir</source>
        <translation>Arbeitsverz.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>(cut: the kernel&apos;s argument area was longer)</source>
        <translation>(gekürzt: der Argumentbereich des Kernels war länger)</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>none recorded (only allow-listed variables are kept)</source>
        <translation>keine aufgezeichnet (nur Variablen der Zulassungsliste werden behalten)</translation>
    </message>
    <message>
        <source>Cgroup</source>
        <translation>Cgroup</translation>
    </message>
    <message>
        <source>Image from</source>
        <translation>Image aus</translation>
    </message>
    <message>
        <source>%1 at %2 UTC</source>
        <translation>%1 um %2 UTC</translation>
    </message>
    <message>
        <source>Lists below are cut at %1 rows each.</source>
        <translation>Die Listen unten sind auf je %1 Zeilen gekürzt.</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::ProcessSearchBar</name>
    <message>
        <source>Find a process by name or command line (Ctrl+F)</source>
        <translation>Prozess nach Name oder Befehlszeile suchen (Ctrl+F)</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>search failed</source>
        <translation>Suche fehlgeschlagen</translation>
    </message>
    <message>
        <source>searching...</source>
        <translation>Suche läuft...</translation>
    </message>
    <message>
        <source>Only the first %1 matches are listed</source>
        <translation>Nur die ersten %1 Treffer werden aufgelistet</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%1 von %2%3</translation>
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
        <translation>Die Prozesse eines Hosts anzeigen oder jeden Host als Zeile der obersten Ebene</translation>
    </message>
    <message>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamte Zeit</translation>
    </message>
    <message>
        <source>Clear the time range (set in the timeline) for every view</source>
        <translation>Den (in der Zeitleiste gesetzten) Zeitraum für alle Ansichten aufheben</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Elternprozess</translation>
    </message>
    <message>
        <source>Jump to the parent process (Alt+Up)</source>
        <translation>Zum Elternprozess springen (Alt+Up)</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>The selected process is not shown in the tree: %1.</source>
        <translation>Der ausgewählte Prozess wird im Baum nicht angezeigt: %1.</translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation>Kein Fall geöffnet.</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>Expand a host or a process to load its children; Alt+Up jumps to the parent.</source>
        <translation>Erweitern Sie einen Host oder Prozess, um seine Kindprozesse zu laden; Alt+Up springt zum Elternprozess.</translation>
    </message>
    <message>
        <source>Finding process #%1 in the tree...</source>
        <translation>Prozess #%1 wird im Baum gesucht...</translation>
    </message>
    <message>
        <source>%1 (pid %2) has no parent.</source>
        <translation>%1 (pid %2) hat keinen Elternprozess.</translation>
    </message>
    <message>
        <source>%1 (pid %2): %3.</source>
        <translation>%1 (pid %2): %3.</translation>
    </message>
    <message>
        <source>Time: all</source>
        <translation>Zeit: alle</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Time: %1 to %2 UTC</source>
        <translation>Zeit: %1 bis %2 UTC</translation>
    </message>
    <message>
        <source>Process Tree</source>
        <translation>Prozessbaum</translation>
    </message>
    <message>
        <source>Show the processes of one user, by uid or by the name the uid had on the host then (and, dimmed, the processes above them)</source>
        <translation>Die Prozesse eines Benutzers zeigen, nach UID oder nach dem Namen, den die UID damals auf dem Host hatte (und, abgeblendet, die Prozesse darüber)</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::PullDialog</name>
    <message>
        <source>&amp;Remove archives from the hosts once they are in the case</source>
        <translation>Archive von den Hosts &amp;entfernen, sobald sie im Fall sind</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Hinzufügen...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Bearbeiten...</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Accept Host &amp;Key...</source>
        <translation>Host-&amp;Schlüssel akzeptieren...</translation>
    </message>
    <message>
        <source>&amp;Pull</source>
        <translation>&amp;Abrufen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Pull Archives from Hosts</source>
        <translation>Archive von Hosts abrufen</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Hosts at once:</source>
        <translation>Hosts gleichzeitig:</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>Remote hosts of this case (check the ones to pull):</source>
        <translation>Entfernte Hosts dieses Falls (die abzurufenden ankreuzen):</translation>
    </message>
    <message>
        <source>Key Passphrase</source>
        <translation>Schlüssel-Passphrase</translation>
    </message>
    <message>
        <source>Passphrase for the key %1:</source>
        <translation>Passphrase für den Schlüssel %1:</translation>
    </message>
    <message>
        <source>Host keys are checked against %1 (no other known_hosts is read). Archives are kept in %2.</source>
        <translation>Host-Schlüssel werden mit %1 abgeglichen (keine andere known_hosts wird gelesen). Archive werden in %2 aufbewahrt.</translation>
    </message>
    <message>
        <source>%1@%2:%3</source>
        <translation>%1@%2:%3</translation>
    </message>
    <message>
        <source>%1, outbox %2%3</source>
        <translation>%1, Ausgangsordner %2%3</translation>
    </message>
    <message>
        <source>ssh-agent</source>
        <translation>ssh-agent</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>, through %1</source>
        <translation>, über %1</translation>
    </message>
    <message>
        <source>not pulled yet</source>
        <translation>noch nicht abgerufen</translation>
    </message>
    <message>
        <source>This case has no remote hosts yet: add one with Add...</source>
        <translation>Dieser Fall hat noch keine entfernten Hosts: fügen Sie einen mit „Hinzufügen...“ hinzu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message numerus="yes">
        <source>Pulling from %n hosts ...</source>
        <translation>
            <numerusform>Abruf von %n Host ...</numerusform>
            <numerusform>Abruf von %n Hosts ...</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting ...</source>
        <translation>Verbindung wird hergestellt ...</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>listing and importing ...</source>
        <translation>Auflisten und Importieren ...</translation>
    </message>
    <message>
        <source>downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message numerus="yes">
        <source>done: %n downloaded</source>
        <translation>
            <numerusform>fertig: %n heruntergeladen</numerusform>
            <numerusform>fertig: %n heruntergeladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n in the case already</source>
        <translation>
            <numerusform>, %n bereits im Fall</numerusform>
            <numerusform>, %n bereits im Fall</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n removed from the host</source>
        <translation>
            <numerusform>, %n vom Host entfernt</numerusform>
            <numerusform>, %n vom Host entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n outbox entries left alone</source>
        <translation>
            <numerusform>, %n Eintrag im Ausgangsordner unverändert gelassen</numerusform>
            <numerusform>, %n Einträge im Ausgangsordner unverändert gelassen</numerusform>
        </translation>
    </message>
    <message>
        <source> - some archives were not imported (see below)</source>
        <translation> - einige Archive wurden nicht importiert (siehe unten)</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nichts Neues</translation>
    </message>
    <message>
        <source>not pulled</source>
        <translation>nicht abgerufen</translation>
    </message>
    <message>
        <source>unknown host key %1: not logged in; compare it on the host, then Accept Host Key...</source>
        <translation>unbekannter Host-Schlüssel %1: nicht angemeldet; vergleichen Sie ihn auf dem Host, dann „Host-Schlüssel akzeptieren...“</translation>
    </message>
    <message>
        <source>REFUSED: the host key changed: it presents %1, the case&apos;s known_hosts holds %2</source>
        <translation>ABGELEHNT: der Host-Schlüssel hat sich geändert: er zeigt %1, die known_hosts des Falls enthält %2</translation>
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
        <translation>nicht gestartet: abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled. Partial downloads are kept as .part and resumed next time; the archive being imported was rolled back.</source>
        <translation>Abgebrochen. Unvollständige Downloads bleiben als .part erhalten und werden beim nächsten Mal fortgesetzt; das gerade importierte Archiv wurde zurückgerollt.</translation>
    </message>
    <message numerus="yes">
        <source>%n hosts: %1 pulled, %2 not (see above); %3 archives handled.</source>
        <translation>
            <numerusform>%n Host: %1 abgerufen, %2 nicht (siehe oben); %3 Archive verarbeitet.</numerusform>
            <numerusform>%n Hosts: %1 abgerufen, %2 nicht (siehe oben); %3 Archive verarbeitet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hosts present an unknown key and wait for your decision.</source>
        <translation>
            <numerusform>%n Host zeigt einen unbekannten Schlüssel und wartet auf Ihre Entscheidung.</numerusform>
            <numerusform>%n Hosts zeigen einen unbekannten Schlüssel und warten auf Ihre Entscheidung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove Remote Host</source>
        <translation>Entfernten Host entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the hosts this case pulls from? What was pulled from it stays in the case.</source>
        <translation>%1 aus den Hosts entfernen, von denen dieser Fall abruft? Was von ihm abgerufen wurde, bleibt im Fall.</translation>
    </message>
    <message>
        <source>Unknown Host Key</source>
        <translation>Unbekannter Host-Schlüssel</translation>
    </message>
    <message>
        <source>%1 presents a host key that the case does not know:</source>
        <translation>%1 zeigt einen Host-Schlüssel, den der Fall nicht kennt:</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Compare it with what the host itself shows (run &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt; on its console). Accept it only if both are the same: the key is then added to %2 and the host is pulled.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Vergleichen Sie ihn mit dem, was der Host selbst anzeigt (führen Sie &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt; auf seiner Konsole aus). Akzeptieren Sie ihn nur, wenn beide gleich sind: der Schlüssel wird dann zu %2 hinzugefügt und der Host abgerufen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Accept This Key and Pull</source>
        <translation>Diesen Schlüssel akzeptieren und abrufen</translation>
    </message>
    <message>
        <source>Do Not Accept</source>
        <translation>Nicht akzeptieren</translation>
    </message>
    <message>
        <source>Cancelling: every session is shut down ...</source>
        <translation>Wird abgebrochen: jede Sitzung wird beendet ...</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::RemoteHostDialog</name>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>ssh-agent (SSH_AUTH_SOCK)</source>
        <translation>ssh-agent (SSH_AUTH_SOCK)</translation>
    </message>
    <message>
        <source>Add Remote Host</source>
        <translation>Entfernten Host hinzufügen</translation>
    </message>
    <message>
        <source>Edit Remote Host %1</source>
        <translation>Entfernten Host %1 bearbeiten</translation>
    </message>
    <message>
        <source>web-01 (letters, digits, . _ -)</source>
        <translation>web-01 (Buchstaben, Ziffern, . _ -)</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>Hostname oder IP-Adresse</translation>
    </message>
    <message>
        <source>the pull account, e.g. flightpull</source>
        <translation>das Abrufkonto, z. B. flightpull</translation>
    </message>
    <message>
        <source>/var/lib/flightrec/outbox, or / for an account set up by setup-pull-account.sh</source>
        <translation>/var/lib/flightrec/outbox, oder / für ein mit setup-pull-account.sh eingerichtetes Konto</translation>
    </message>
    <message>
        <source>private key (OpenSSH format); its passphrase is asked when pulling</source>
        <translation>privater Schlüssel (OpenSSH-Format); seine Passphrase wird beim Abrufen abgefragt</translation>
    </message>
    <message>
        <source>(direct)</source>
        <translation>(direkt)</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Private Key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Login with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <source>&amp;Outbox:</source>
        <translation>Ausgangs&amp;ordner:</translation>
    </message>
    <message>
        <source>&amp;Jump host:</source>
        <translation>&amp;Jump-Host:</translation>
    </message>
    <message>
        <source>No password is stored: the host is logged in to with the key or the agent.</source>
        <translation>Es wird kein Passwort gespeichert: die Anmeldung am Host erfolgt mit dem Schlüssel oder dem Agent.</translation>
    </message>
    <message>
        <source>Choose a key file, or log in with ssh-agent.</source>
        <translation>Wählen Sie eine Schlüsseldatei oder melden Sie sich mit ssh-agent an.</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::ReplayPage</name>
    <message>
        <source>Processes alive</source>
        <translation>Laufende Prozesse</translation>
    </message>
    <message>
        <source>Files open for writing</source>
        <translation>Zum Schreiben geöffnete Dateien</translation>
    </message>
    <message>
        <source>Connections and listeners</source>
        <translation>Verbindungen und lauschende Sockets</translation>
    </message>
    <message>
        <source>Kernel modules</source>
        <translation>Kernelmodule</translation>
    </message>
    <message>
        <source>BPF programs</source>
        <translation>BPF-Programme</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>The replay failed: %1</source>
        <translation>Die Wiedergabe ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Previous event (Left on the slider, or ,)</source>
        <translation>Vorheriges Ereignis (Links auf dem Schieberegler, oder ,)</translation>
    </message>
    <message>
        <source>Next event (Right on the slider, or .)</source>
        <translation>Nächstes Ereignis (Rechts auf dem Schieberegler, oder .)</translation>
    </message>
    <message>
        <source>Drag to replay the host; Left/Right step from event to event</source>
        <translation>Ziehen, um den Host wiederzugeben; Links/Rechts springen von Ereignis zu Ereignis</translation>
    </message>
    <message>
        <source>UTC time, e.g. 2026-12-03T11:30:00Z</source>
        <translation>UTC-Zeit, z. B. 2026-12-03T11:30:00Z</translation>
    </message>
    <message>
        <source>The time replayed (UTC); type a time and press Enter to go there</source>
        <translation>Der wiedergegebene Zeitpunkt (UTC); geben Sie eine Zeit ein und drücken Sie die Eingabetaste, um dorthin zu springen</translation>
    </message>
    <message>
        <source>Not a time: type UTC as 2026-12-03T11:30:00Z or nanoseconds</source>
        <translation>Keine Zeitangabe: Geben Sie UTC als 2026-12-03T11:30:00Z oder in Nanosekunden ein</translation>
    </message>
    <message>
        <source>Open a case to replay a host.</source>
        <translation>Öffnen Sie einen Fall, um einen Host wiederzugeben.</translation>
    </message>
    <message>
        <source>Replaying…</source>
        <translation>Wiedergabe läuft…</translation>
    </message>
    <message>
        <source>Pick a host to replay.</source>
        <translation>Wählen Sie einen Host für die Wiedergabe.</translation>
    </message>
    <message>
        <source>This host has no recording in the case.</source>
        <translation>Dieser Host hat keine Aufzeichnung im Fall.</translation>
    </message>
    <message>
        <source>recorded %1 to %2</source>
        <translation>aufgezeichnet %1 bis %2</translation>
    </message>
    <message>
        <source>+%1 new</source>
        <translation>+%1 neu</translation>
    </message>
    <message>
        <source>%1 gone</source>
        <translation>%1 verschwunden</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not known at this time.</source>
        <translation>Zu diesem Zeitpunkt nicht bekannt.</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>No process of this boot was alive at this time.</source>
        <translation>Zu diesem Zeitpunkt lief kein Prozess dieses Systemstarts.</translation>
    </message>
    <message>
        <source>files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>No file was open for writing at this time (as far as the recorded closes after writing show).</source>
        <translation>Zu diesem Zeitpunkt war keine Datei zum Schreiben geöffnet (soweit die aufgezeichneten Schließvorgänge nach dem Schreiben zeigen).</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>No connection or listener was open at this time.</source>
        <translation>Zu diesem Zeitpunkt war keine Verbindung und kein lauschender Socket offen.</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>None at this time.</source>
        <translation>Zu diesem Zeitpunkt keine.</translation>
    </message>
    <message>
        <source>%1 (%2 changed)</source>
        <translation>%1 (%2 geändert)</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::ReportDialog</name>
    <message>
        <source>Incident report</source>
        <translation>Vorfallsbericht</translation>
    </message>
    <message>
        <source>Save as PDF or HTML...</source>
        <translation>Als PDF oder HTML speichern...</translation>
    </message>
    <message>
        <source>Save the report as a PDF or HTML file (recorded in the case&apos;s audit log)</source>
        <translation>Den Bericht als PDF- oder HTML-Datei speichern (im Audit-Log des Falls protokolliert)</translation>
    </message>
    <message>
        <source>Reading the report from the case...</source>
        <translation>Der Bericht wird aus dem Fall gelesen...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reading the report from the case: %1...</source>
        <translation>Der Bericht wird aus dem Fall gelesen: %1...</translation>
    </message>
    <message>
        <source>The case was closed.</source>
        <translation>Der Fall wurde geschlossen.</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Incident report: %1</source>
        <translation>Vorfallsbericht: %1</translation>
    </message>
    <message>
        <source>%1: the report is not ready yet</source>
        <translation>%1: der Bericht ist noch nicht fertig</translation>
    </message>
    <message>
        <source>The report was saved but not entered in the audit log: %1</source>
        <translation>Der Bericht wurde gespeichert, aber nicht im Audit-Log eingetragen: %1</translation>
    </message>
    <message>
        <source>Save the incident report</source>
        <translation>Vorfallsbericht speichern</translation>
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
        <translation>Prozess %1 %2</translation>
    </message>
    <message>
        <source>file %1 %2 by %3</source>
        <translation>Datei %1 %2 durch %3</translation>
    </message>
    <message>
        <source>network %1 %2 by %3</source>
        <translation>Netzwerk %1 %2 durch %3</translation>
    </message>
    <message>
        <source>integrity change of %1 (%2)</source>
        <translation>Integritätsänderung von %1 (%2)</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>Loading the evidence...</source>
        <translation>Belege werden geladen...</translation>
    </message>
    <message>
        <source>The rule “%1” is not in the rules folder %2.</source>
        <translation>Die Regel „%1“ ist nicht im Regelordner %2.</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <source>Triage:</source>
        <translation>Triage:</translation>
    </message>
    <message>
        <source>Matched:</source>
        <translation>Treffer:</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>%1 (not in the case)</source>
        <translation>%1 (nicht im Fall)</translation>
    </message>
    <message>
        <source>Click an evidence item to select its process, host and time in every view.</source>
        <translation>Klicken Sie auf einen Beleg, um dessen Prozess, Host und Zeit in allen Ansichten auszuwählen.</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::TimelineChartView</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Time (UTC), %1</source>
        <translation>Zeit (UTC), %1</translation>
    </message>
    <message>
        <source>events per %1</source>
        <translation>Ereignisse pro %1</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
</context>
<context>
    <name>Deck::Gui::TimelinePage</name>
    <message>
        <source>Reading the coverage of %1...</source>
        <translation>Abdeckung von %1 wird gelesen...</translation>
    </message>
    <message>
        <source>No case is open. Open one (Case &gt; Open Case...) to see its events over time and what each host&apos;s collector recorded, lost or missed.</source>
        <translation>Kein Fall geöffnet. Öffnen Sie einen (Fall &gt; Fall öffnen...), um seine Ereignisse im Zeitverlauf zu sehen und was der Kollektor jedes Hosts aufgezeichnet, verloren oder verpasst hat.</translation>
    </message>
    <message>
        <source>Cannot show the timeline: %1</source>
        <translation>Die Zeitleiste kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>The case %1 holds no archives yet: import or pull some to see a timeline.</source>
        <translation>Der Fall %1 enthält noch keine Archive: importieren oder rufen Sie welche ab, um eine Zeitleiste zu sehen.</translation>
    </message>
    <message>
        <source>Cannot count the events: %1</source>
        <translation>Die Ereignisse können nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>No events in this time.</source>
        <translation>Keine Ereignisse in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>No time range selected (Shift+drag in the chart): every view shows all times.</source>
        <translation>Kein Zeitraum ausgewählt (Shift+Ziehen im Diagramm): jede Ansicht zeigt alle Zeiten.</translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Range %1 to %2: every view shows only this.</source>
        <translation>Zeitraum %1 bis %2: jede Ansicht zeigt nur diesen.</translation>
    </message>
    <message>
        <source>Range %1 to %2 (%3): every view shows only this.</source>
        <translation>Zeitraum %1 bis %2 (%3): jede Ansicht zeigt nur diesen.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Angezeigt: %1</translation>
    </message>
    <message>
        <source>Counting events...</source>
        <translation>Ereignisse werden gezählt...</translation>
    </message>
    <message>
        <source>%1 events shown, %2 per bucket</source>
        <translation>%1 Ereignisse angezeigt, %2 pro Intervall</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Host: </source>
        <translation>Host: </translation>
    </message>
    <message>
        <source>Count the events of one host, or of all hosts</source>
        <translation>Die Ereignisse eines Hosts oder aller Hosts zählen</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in around the middle</source>
        <translation>Um die Mitte vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom out around the middle</source>
        <translation>Um die Mitte verkleinern</translation>
    </message>
    <message>
        <source>Whole Case</source>
        <translation>Gesamter Fall</translation>
    </message>
    <message>
        <source>Show the whole case</source>
        <translation>Den gesamten Fall anzeigen</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Drag to move along the time axis; the wheel zooms</source>
        <translation>Ziehen, um entlang der Zeitachse zu verschieben; das Mausrad zoomt</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Drag across a stretch of time to zoom into it (or Ctrl+drag)</source>
        <translation>Über einen Zeitabschnitt ziehen, um hineinzuzoomen (oder Ctrl+Ziehen)</translation>
    </message>
    <message>
        <source>Select Range</source>
        <translation>Bereich auswählen</translation>
    </message>
    <message>
        <source>Drag across a stretch of time to make every view show only it (or Shift+drag)</source>
        <translation>Über einen Zeitabschnitt ziehen, damit jede Ansicht nur diesen zeigt (oder Shift+Ziehen)</translation>
    </message>
    <message>
        <source>Zoom to Range</source>
        <translation>Auf Bereich zoomen</translation>
    </message>
    <message>
        <source>Show the selected time range</source>
        <translation>Den ausgewählten Zeitraum anzeigen</translation>
    </message>
    <message>
        <source>Clear Range</source>
        <translation>Bereich aufheben</translation>
    </message>
    <message>
        <source>Every view shows all times again</source>
        <translation>Jede Ansicht zeigt wieder alle Zeiten</translation>
    </message>
    <message>
        <source>no events</source>
        <translation>keine Ereignisse</translation>
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
        <translation>Vertrauensentscheidung: %1</translation>
    </message>
    <message>
        <source>refused archive</source>
        <translation>abgelehntes Archiv</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Machine id:</source>
        <translation>Machine-ID:</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>Schlüssel-Fingerabdruck:</translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation>Öffentlicher Schlüssel:</translation>
    </message>
    <message>
        <source>Held:</source>
        <translation>Zurückgehalten:</translation>
    </message>
    <message>
        <source>archives: %1, events: %2</source>
        <translation>Archive: %1, Ereignisse: %2</translation>
    </message>
    <message>
        <source>Trusted for %1:</source>
        <translation>Vertraut für %1:</translation>
    </message>
    <message>
        <source>These archives are signed by a key this case does not trust yet. They are held in quarantine, not imported.</source>
        <translation>Diese Archive sind mit einem Schlüssel signiert, dem dieser Fall noch nicht vertraut. Sie werden in Quarantäne zurückgehalten, nicht importiert.</translation>
    </message>
    <message>
        <source>Compare the fingerprint above with the one the host itself shows (run &lt;tt&gt;flightrec pubkey&lt;/tt&gt; on it), over a channel you trust. Trusting binds this key to this host; its held archives are then verified and imported. Refusing changes nothing: the archives stay held.</source>
        <translation>Vergleichen Sie den obigen Fingerabdruck über einen vertrauenswürdigen Kanal mit dem, den der Host selbst anzeigt (führen Sie dort &lt;tt&gt;flightrec pubkey&lt;/tt&gt; aus). Vertrauen bindet diesen Schlüssel an diesen Host; seine zurückgehaltenen Archive werden dann verifiziert und importiert. Ablehnen ändert nichts: die Archive bleiben zurückgehalten.</translation>
    </message>
    <message>
        <source>Label for the key:</source>
        <translation>Bezeichnung für den Schlüssel:</translation>
    </message>
    <message>
        <source>I compared this fingerprint with the host&apos;s own</source>
        <translation>Ich habe diesen Fingerabdruck mit dem des Hosts verglichen</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>&amp;Trust This Key for %1</source>
        <translation>Diesem Schlüssel für %1 &amp;vertrauen</translation>
    </message>
    <message>
        <source>REFUSED: this archive contradicts its host&apos;s hash chain (a fork). It stays held; trusting a key cannot release it.</source>
        <translation>ABGELEHNT: dieses Archiv widerspricht der Hash-Kette seines Hosts (eine Verzweigung). Es bleibt zurückgehalten; das Vertrauen in einen Schlüssel kann es nicht freigeben.</translation>
    </message>
    <message>
        <source>REFUSED: this key may not be trusted with one click. A host whose key changes has been reinstalled, compromised or impersonated.</source>
        <translation>ABGELEHNT: diesem Schlüssel darf nicht mit einem Klick vertraut werden. Ein Host, dessen Schlüssel sich ändert, wurde neu installiert, kompromittiert oder imitiert.</translation>
    </message>
    <message>
        <source>If the host really was reinstalled, verify its new key out of band and trust it for that host on the command line: &lt;tt&gt;flightdeck-cli trust --host %1 KEY&lt;/tt&gt;.</source>
        <translation>Wenn der Host wirklich neu installiert wurde, verifizieren Sie seinen neuen Schlüssel auf einem separaten Kanal und vertrauen Sie ihm für diesen Host auf der Befehlszeile: &lt;tt&gt;flightdeck-cli trust --host %1 KEY&lt;/tt&gt;.</translation>
    </message>
    <message>
        <source>MACHINE-ID</source>
        <translation>MACHINE-ID</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
</context>
<context>
    <name>Deck::Models</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; %3</source>
        <translation>%1: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>no attribute differs</source>
        <translation>kein Attribut weicht ab</translation>
    </message>
    <message>
        <source>%1 %2 installed</source>
        <translation>%1 %2 installiert</translation>
    </message>
    <message>
        <source>%1 %2: %3 files differ from dpkg&apos;s digests: %4</source>
        <translation>%1 %2: %3 Dateien weichen von den Digests von dpkg ab: %4</translation>
    </message>
    <message>
        <source>module %1 loaded</source>
        <translation>Modul %1 geladen</translation>
    </message>
    <message>
        <source>BPF program %1 loaded: %2</source>
        <translation>BPF-Programm %1 geladen: %2</translation>
    </message>
    <message>
        <source>flightrec&apos;s own</source>
        <translation>von flightrec selbst</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>%1 appeared</source>
        <translation>%1 ist erschienen</translation>
    </message>
    <message>
        <source>%1 logged in on %2</source>
        <translation>%1 hat sich an %2 angemeldet</translation>
    </message>
    <message>
        <source>%1 now listening</source>
        <translation>%1 lauscht jetzt</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 %2 removed</source>
        <translation>%1 %2 entfernt</translation>
    </message>
    <message>
        <source>%1: files match dpkg&apos;s digests again</source>
        <translation>%1: Dateien stimmen wieder mit den Digests von dpkg überein</translation>
    </message>
    <message>
        <source>module %1 unloaded</source>
        <translation>Modul %1 entladen</translation>
    </message>
    <message>
        <source>BPF program %1 unloaded</source>
        <translation>BPF-Programm %1 entladen</translation>
    </message>
    <message>
        <source>%1 no longer there</source>
        <translation>%1 nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>%1 logged out of %2</source>
        <translation>%1 hat sich von %2 abgemeldet</translation>
    </message>
    <message>
        <source>%1 no longer listening</source>
        <translation>%1 lauscht nicht mehr</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>%1 %2 -&gt; %3</source>
        <translation>%1 %2 -&gt; %3</translation>
    </message>
    <message>
        <source>module %1: %2</source>
        <translation>Modul %1: %2</translation>
    </message>
    <message>
        <source>BPF program %1: %2</source>
        <translation>BPF-Programm %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the stored event is malformed: %1</source>
        <translation>das gespeicherte Ereignis ist fehlerhaft: %1</translation>
    </message>
    <message>
        <source>kernel log (level %1): %2</source>
        <translation>Kernel-Log (Stufe %1): %2</translation>
    </message>
    <message>
        <source>the stored event is a %1, not a state change</source>
        <translation>das gespeicherte Ereignis ist ein(e) %1, keine Zustandsänderung</translation>
    </message>
    <message>
        <source>Unreadable: %1</source>
        <translation>Nicht lesbar: %1</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>nichts geändert</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (und %1 weitere)</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
    <message numerus="yes">
        <source>%n times</source>
        <translation>
            <numerusform>%n-mal</numerusform>
            <numerusform>%n-mal</numerusform>
        </translation>
    </message>
    <message>
        <source>net %1</source>
        <translation>Netz %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n Element</numerusform>
            <numerusform>%1: %n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lost: %2</source>
        <translation>%1 verloren: %2</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>Process %1 (pid %2)</source>
        <translation>Prozess %1 (pid %2)</translation>
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
        <translation>gestartet: %1</translation>
    </message>
    <message>
        <source>exited: %1</source>
        <translation>beendet: %1</translation>
    </message>
    <message>
        <source>Double-click to expand; click to select it in every view.</source>
        <translation>Doppelklicken zum Erweitern; klicken, um es in allen Ansichten auszuwählen.</translation>
    </message>
    <message>
        <source>File %1
Double-click for the processes that touched it.</source>
        <translation>Datei %1
Doppelklicken für die Prozesse, die sie berührt haben.</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>Host %1</translation>
    </message>
    <message>
        <source>Host %1
Double-click for its processes that talked to the network.</source>
        <translation>Host %1
Doppelklicken für seine Prozesse, die mit dem Netzwerk kommuniziert haben.</translation>
    </message>
    <message>
        <source>Remote address %1
Double-click for the processes that talked to it.</source>
        <translation>Entfernte Adresse %1
Doppelklicken für die Prozesse, die mit ihr kommuniziert haben.</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>investigating</source>
        <translation>in Untersuchung</translation>
    </message>
    <message>
        <source>benign</source>
        <translation>harmlos</translation>
    </message>
    <message>
        <source>malicious</source>
        <translation>bösartig</translation>
    </message>
</context>
<context>
    <name>Deck::Models::AlertModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Triaged by</source>
        <translation>Triage durch</translation>
    </message>
    <message>
        <source>Triaged at (UTC)</source>
        <translation>Triage am (UTC)</translation>
    </message>
    <message>
        <source>integrity check</source>
        <translation>Integritätsprüfung</translation>
    </message>
    <message>
        <source>What changed or matched</source>
        <translation>Was sich geändert hat oder zutraf</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
</context>
<context>
    <name>Deck::Models::ArchiveListModel</name>
    <message>
        <source>Seq</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>Von (UTC)</translation>
    </message>
    <message>
        <source>To (UTC)</source>
        <translation>Bis (UTC)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Kette</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Signierer</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Imported (UTC)</source>
        <translation>Importiert (UTC)</translation>
    </message>
    <message>
        <source>Imported by</source>
        <translation>Importiert von</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>verschlüsselt</translation>
    </message>
    <message>
        <source>recovered after a crash</source>
        <translation>nach einem Absturz wiederhergestellt</translation>
    </message>
    <message numerus="yes">
        <source>gap: %n missing before</source>
        <translation>
            <numerusform>Lücke: %n fehlt davor</numerusform>
            <numerusform>Lücke: %n fehlen davor</numerusform>
        </translation>
    </message>
    <message>
        <source>late (fills a gap)</source>
        <translation>verspätet (füllt eine Lücke)</translation>
    </message>
    <message>
        <source>first</source>
        <translation>erstes</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>intakt</translation>
    </message>
    <message>
        <source>%1 (UTC ns %2)</source>
        <translation>%1 (UTC ns %2)</translation>
    </message>
    <message>
        <source>digest %1
previous %2</source>
        <translation>Digest %1
vorheriges %2</translation>
    </message>
    <message>
        <source>signature, entry digests and hash chain verified on import; collector %1</source>
        <translation>Signatur, Eintrags-Digests und Hash-Kette beim Import verifiziert; Kollektor %1</translation>
    </message>
</context>
<context>
    <name>Deck::Models::CaseMarks</name>
    <message>
        <source>No case is open.</source>
        <translation>Kein Fall geöffnet.</translation>
    </message>
</context>
<context>
    <name>Deck::Models::ConversationsModel</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>First (UTC)</source>
        <translation>Erstes (UTC)</translation>
    </message>
    <message>
        <source>Last (UTC)</source>
        <translation>Letztes (UTC)</translation>
    </message>
    <message>
        <source>%1, pid %2: click to select the process in every view</source>
        <translation>%1, pid %2: klicken, um den Prozess in allen Ansichten auszuwählen</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>(no process)</source>
        <translation>(kein Prozess)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
</context>
<context>
    <name>Deck::Models::CoverageLanes</name>
    <message>
        <source>The collector was stopped from %1 (rec.stop) until %2 (rec.start): nothing was recorded for %3.</source>
        <translation>Der Kollektor war von %1 (rec.stop) bis %2 (rec.start) gestoppt: für %3 wurde nichts aufgezeichnet.</translation>
    </message>
    <message>
        <source>The collector ended without a rec.stop (a crash or power loss): last heard of at %1 (end of its last archive in the case), started again at %2; nothing is known of these %3.</source>
        <translation>Der Kollektor endete ohne rec.stop (Absturz oder Stromausfall): zuletzt gemeldet um %1 (Ende seines letzten Archivs im Fall), erneut gestartet um %2; über diese %3 ist nichts bekannt.</translation>
    </message>
    <message>
        <source>Archive %1 of signing key #%2 is not in the case</source>
        <translation>Archiv %1 des Signierschlüssels #%2 ist nicht im Fall</translation>
    </message>
    <message>
        <source>Archives %1 to %2 of signing key #%3 are not in the case</source>
        <translation>Archive %1 bis %2 des Signierschlüssels #%3 sind nicht im Fall</translation>
    </message>
    <message>
        <source>%1 (a hole in the hash chain): they were recorded before %2; the case has no evidence of that time.</source>
        <translation>%1 (ein Loch in der Hash-Kette): sie wurden vor %2 aufgezeichnet; der Fall hat keine Belege für diese Zeit.</translation>
    </message>
    <message>
        <source>%1 (a hole in the hash chain): what was recorded between %2 and %3 is missing, not absent.</source>
        <translation>%1 (ein Loch in der Hash-Kette): was zwischen %2 und %3 aufgezeichnet wurde, fehlt, es ist nicht ausgeblieben.</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>von %1 bis %2</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>um %1</translation>
    </message>
    <message>
        <source>1 archive deleted before it was pulled (%1) %2: its events are lost.</source>
        <translation>1 Archiv vor dem Abruf gelöscht (%1) %2: seine Ereignisse sind verloren.</translation>
    </message>
    <message numerus="yes">
        <source>%3 archives deleted before they were pulled (%1) %2: their events are lost.</source>
        <translation>
            <numerusform>%3 Archiv vor dem Abruf gelöscht (%1) %2: seine Ereignisse sind verloren.</numerusform>
            <numerusform>%3 Archive vor dem Abruf gelöscht (%1) %2: ihre Ereignisse sind verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>The collector lost 1 event (%1) %2: it knows it did not record it.</source>
        <translation>Der Kollektor hat 1 Ereignis verloren (%1) %2: er weiß, dass er es nicht aufgezeichnet hat.</translation>
    </message>
    <message numerus="yes">
        <source>The collector lost %3 events (%1) %2: it knows it did not record them.</source>
        <translation>
            <numerusform>Der Kollektor hat %3 Ereignis verloren (%1) %2: er weiß, dass er es nicht aufgezeichnet hat.</numerusform>
            <numerusform>Der Kollektor hat %3 Ereignisse verloren (%1) %2: er weiß, dass er sie nicht aufgezeichnet hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recorded from %1 to %2: where no events are shown here, nothing happened that the collector watches.</source>
        <translation>Aufgezeichnet von %1 bis %2: wo hier keine Ereignisse angezeigt werden, geschah nichts, was der Kollektor überwacht.</translation>
    </message>
    <message>
        <source>No archive</source>
        <translation>Kein Archiv</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Aufgezeichnet</translation>
    </message>
    <message>
        <source>Collector stopped</source>
        <translation>Kollektor gestoppt</translation>
    </message>
    <message>
        <source>Collector gone (crash)</source>
        <translation>Kollektor weg (Absturz)</translation>
    </message>
    <message>
        <source>Archives missing</source>
        <translation>Archive fehlen</translation>
    </message>
    <message>
        <source>Events lost</source>
        <translation>Ereignisse verloren</translation>
    </message>
    <message>
        <source>Before the host&apos;s first or after its last archive in the case: no evidence either way.</source>
        <translation>Vor dem ersten oder nach dem letzten Archiv des Hosts im Fall: keine Belege in die eine oder andere Richtung.</translation>
    </message>
    <message>
        <source>The collector was recording: no events means nothing happened that it watches.</source>
        <translation>Der Kollektor hat aufgezeichnet: keine Ereignisse bedeutet, dass nichts geschah, was er überwacht.</translation>
    </message>
    <message>
        <source>The collector was stopped (rec.stop until the next rec.start): nothing was recorded.</source>
        <translation>Der Kollektor war gestoppt (rec.stop bis zum nächsten rec.start): nichts wurde aufgezeichnet.</translation>
    </message>
    <message>
        <source>The collector ended without rec.stop (crash or power loss) until it started again: nothing is known.</source>
        <translation>Der Kollektor endete ohne rec.stop (Absturz oder Stromausfall) bis zum Neustart: nichts ist bekannt.</translation>
    </message>
    <message>
        <source>Archives of the host&apos;s hash chain are not in the case: what they recorded is missing.</source>
        <translation>Archive der Hash-Kette des Hosts sind nicht im Fall: was sie aufgezeichnet haben, fehlt.</translation>
    </message>
    <message>
        <source>The collector knows it dropped events here (rec.loss): the counts are incomplete.</source>
        <translation>Der Kollektor weiß, dass er hier Ereignisse verworfen hat (rec.loss): die Zählungen sind unvollständig.</translation>
    </message>
</context>
<context>
    <name>Deck::Models::EndpointsModel</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Konversationen</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>First (UTC)</source>
        <translation>Erstes (UTC)</translation>
    </message>
    <message>
        <source>Last (UTC)</source>
        <translation>Letztes (UTC)</translation>
    </message>
    <message numerus="yes">
        <source>%n ports</source>
        <translation>
            <numerusform>%n Port</numerusform>
            <numerusform>%n Ports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes</source>
        <translation>
            <numerusform>%n Prozess</numerusform>
            <numerusform>%n Prozesse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deck::Models::EventTableModel</name>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
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
        <translation>Client</translation>
    </message>
    <message>
        <source>accepted the connection</source>
        <translation>hat die Verbindung angenommen</translation>
    </message>
    <message>
        <source>ssh session (SSH_CONNECTION)</source>
        <translation>SSH-Sitzung (SSH_CONNECTION)</translation>
    </message>
    <message>
        <source>descendant</source>
        <translation>Nachkomme</translation>
    </message>
    <message>
        <source>connection to %1 (%2)</source>
        <translation>Verbindung zu %1 (%2)</translation>
    </message>
    <message>
        <source>%1 on %2, uid %3
started %4 (%2&apos;s clock)
corrected to %5&apos;s clock: %6</source>
        <translation>%1 auf %2, uid %3
gestartet %4 (Uhr von %2)
korrigiert auf die Uhr von %5: %6</translation>
    </message>
    <message>
        <source>connect on %1: %2
accept on %3: %4 (corrected %5)
matched by %6</source>
        <translation>connect auf %1: %2
accept auf %3: %4 (korrigiert %5)
zugeordnet über %6</translation>
    </message>
    <message>
        <source>Process / connection</source>
        <translation>Prozess / Verbindung</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Time (host&apos;s clock)</source>
        <translation>Zeit (Uhr des Hosts)</translation>
    </message>
    <message>
        <source>Corrected time</source>
        <translation>Korrigierte Zeit</translation>
    </message>
    <message>
        <source>Time on %1&apos;s clock</source>
        <translation>Zeit auf der Uhr von %1</translation>
    </message>
    <message numerus="yes">
        <source>Clock of %1 − clock of %2: %3 (median of %n pair(s), from %4 to %5)</source>
        <translation>
            <numerusform>Uhr von %1 − Uhr von %2: %3 (Median aus %n Paar, von %4 bis %5)</numerusform>
            <numerusform>Uhr von %1 − Uhr von %2: %3 (Median aus %n Paaren, von %4 bis %5)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not stitched: %1 → %2 at %3: %4</source>
        <translation>Nicht verknüpft: %1 → %2 um %3: %4</translation>
    </message>
    <message numerus="yes">
        <source>Not stitched: %n connection(s) to addresses of no monitored host (an unmonitored host, or address translation)</source>
        <translation>
            <numerusform>Nicht verknüpft: %n Verbindung zu Adressen, die zu keinem überwachten Host gehören (ein nicht überwachter Host oder Adressumsetzung)</numerusform>
            <numerusform>Nicht verknüpft: %n Verbindungen zu Adressen, die zu keinem überwachten Host gehören (ein nicht überwachter Host oder Adressumsetzung)</numerusform>
        </translation>
    </message>
    <message>
        <source>No stitched connection: this process made none to another monitored host that the other host recorded, and none reached it from one.</source>
        <translation>Keine verknüpfte Verbindung: Dieser Prozess baute keine Verbindung zu einem anderen überwachten Host auf, die dieser aufgezeichnet hat, und keine erreichte ihn von einem solchen Host.</translation>
    </message>
    <message>
        <source>The chain is cut: it has more steps than are shown.</source>
        <translation>Die Kette ist gekürzt: Sie hat mehr Schritte als angezeigt.</translation>
    </message>
</context>
<context>
    <name>Deck::Models::HeldArchiveModel</name>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <source>Signer key</source>
        <translation>Signierschlüssel</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Since (UTC)</source>
        <translation>Seit (UTC)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>ABGELEHNT</translation>
    </message>
    <message>
        <source>fork of its chain</source>
        <translation>Verzweigung seiner Kette</translation>
    </message>
    <message>
        <source>awaiting trust</source>
        <translation>wartet auf Vertrauen</translation>
    </message>
    <message>
        <source>key conflict</source>
        <translation>Schlüsselkonflikt</translation>
    </message>
    <message>
        <source>%1
refused by %2</source>
        <translation>%1
abgelehnt von %2</translation>
    </message>
    <message>
        <source>%1
machine id %2
signer %3
%4</source>
        <translation>%1
Machine-ID %2
Signierer %3
%4</translation>
    </message>
</context>
<context>
    <name>Deck::Models::HostListModel</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Kette</translation>
    </message>
    <message>
        <source>Last archive (UTC)</source>
        <translation>Letztes Archiv (UTC)</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Spanne</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message numerus="yes">
        <source>untrusted: %n held</source>
        <translation>
            <numerusform>nicht vertraut: %n zurückgehalten</numerusform>
            <numerusform>nicht vertraut: %n zurückgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>KEY CONFLICT: %1 held</source>
        <translation>SCHLÜSSELKONFLIKT: %1 zurückgehalten</translation>
    </message>
    <message numerus="yes">
        <source>trusted; %n held</source>
        <translation>
            <numerusform>vertraut; %n zurückgehalten</numerusform>
            <numerusform>vertraut; %n zurückgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>vertraut</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n verified</source>
        <translation>
            <numerusform>%n verifiziert</numerusform>
            <numerusform>%n verifiziert</numerusform>
        </translation>
    </message>
    <message>
        <source>forks held: %1</source>
        <translation>Verzweigungen zurückgehalten: %1</translation>
    </message>
    <message>
        <source>%1 signed by another key</source>
        <translation>%1 mit anderem Schlüssel signiert</translation>
    </message>
    <message>
        <source>%1 awaiting trust</source>
        <translation>%1 warten auf Vertrauen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>fork</source>
        <translation>Verzweigung</translation>
    </message>
    <message numerus="yes">
        <source>gap: %n missing</source>
        <translation>
            <numerusform>Lücke: %n fehlt</numerusform>
            <numerusform>Lücke: %n fehlen</numerusform>
        </translation>
    </message>
    <message>
        <source>intact</source>
        <translation>intakt</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>%1% recorded</source>
        <translation>%1% aufgezeichnet</translation>
    </message>
    <message>
        <source>1 crash</source>
        <translation>1 Absturz</translation>
    </message>
    <message>
        <source>%1 crashes</source>
        <translation>%1 Abstürze</translation>
    </message>
    <message>
        <source>%1 lost</source>
        <translation>%1 verloren</translation>
    </message>
    <message>
        <source>%1
machine id %2
known only from archives held for a trust decision</source>
        <translation>%1
Machine-ID %2
nur aus Archiven bekannt, die für eine Vertrauensentscheidung zurückgehalten werden</translation>
    </message>
    <message>
        <source>%1
machine id %2
%3, kernel %4</source>
        <translation>%1
Machine-ID %2
%3, Kernel %4</translation>
    </message>
    <message>
        <source>trusted %1 (%2) since %3 UTC by %4</source>
        <translation>%1 (%2) vertraut seit %3 UTC durch %4</translation>
    </message>
    <message>
        <source>held, not trusted: %1</source>
        <translation>zurückgehalten, nicht vertraut: %1</translation>
    </message>
    <message>
        <source>%1 archive(s) verified and imported, %2 event(s)</source>
        <translation>%1 Archiv(e) verifiziert und importiert, %2 Ereignis(se)</translation>
    </message>
    <message numerus="yes">
        <source>%n archive(s) missing from the hash chain, %1 fork(s) held</source>
        <translation>
            <numerusform>%n Archiv fehlt in der Hash-Kette, %1 Verzweigung(en) zurückgehalten</numerusform>
            <numerusform>%n Archive fehlen in der Hash-Kette, %1 Verzweigung(en) zurückgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>last imported %1</source>
        <translation>zuletzt importiert %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message numerus="yes">
        <source>collector not recording for %1 in %n interval(s) (%2 without a clean stop); %3 event(s) reported lost</source>
        <translation>
            <numerusform>Kollektor hat %1 lang in %n Intervall nicht aufgezeichnet (%2 ohne sauberen Stopp); %3 Ereignis(se) als verloren gemeldet</numerusform>
            <numerusform>Kollektor hat %1 lang in %n Intervallen nicht aufgezeichnet (%2 ohne sauberen Stopp); %3 Ereignis(se) als verloren gemeldet</numerusform>
        </translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>Uhrenabweichung</translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation>nicht geschätzt</translation>
    </message>
    <message>
        <source>estimating...</source>
        <translation>wird geschätzt...</translation>
    </message>
    <message>
        <source>no pairs</source>
        <translation>keine Paare</translation>
    </message>
    <message numerus="yes">
        <source>%1 vs %2 (range %3 to %4, %n pair(s))</source>
        <translation>
            <numerusform>%1 gegenüber %2 (Bereich %3 bis %4, %n Paar)</numerusform>
            <numerusform>%1 gegenüber %2 (Bereich %3 bis %4, %n Paare)</numerusform>
        </translation>
    </message>
    <message>
        <source>No connection between %1 and another monitored host was stitched, so its clock offset cannot be estimated. Times are always shown as each host recorded them.</source>
        <translation>Keine Verbindung zwischen %1 und einem anderen überwachten Host wurde verknüpft, daher kann seine Uhrenabweichung nicht geschätzt werden. Zeiten werden immer so gezeigt, wie jeder Host sie aufgezeichnet hat.</translation>
    </message>
    <message numerus="yes">
        <source>clock of %1 minus clock of %2: median %3, from %4 to %5 over %n stitched connection(s)</source>
        <translation>
            <numerusform>Uhr von %1 minus Uhr von %2: Median %3, von %4 bis %5 über %n verknüpfte Verbindung</numerusform>
            <numerusform>Uhr von %1 minus Uhr von %2: Median %3, von %4 bis %5 über %n verknüpfte Verbindungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deck::Models::IndicatorListModel</name>
    <message>
        <source>%1 addresses or ranges, %2 domains, %3 digests, %4 path patterns; %5 lines rejected</source>
        <translation>%1 Adressen oder Bereiche, %2 Domains, %3 Digests, %4 Pfadmuster; %5 Zeilen abgelehnt</translation>
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
        <translation>Liste</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatoren</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Updated (UTC)</source>
        <translation>Aktualisiert (UTC)</translation>
    </message>
    <message>
        <source>Checked (UTC)</source>
        <translation>Geprüft (UTC)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>Deck::Models::IndicatorMatchModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>What matched</source>
        <translation>Was zutraf</translation>
    </message>
</context>
<context>
    <name>Deck::Models::IndicatorUpdater</name>
    <message>
        <source>An indicator list named “%1” exists (from %2): update it, or choose another name.</source>
        <translation>Eine Indikatorliste namens „%1“ existiert bereits (aus %2): Aktualisieren Sie sie oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>%1 wird abgerufen</translation>
    </message>
    <message>
        <source>%1: removed (its alerts stay)</source>
        <translation>%1: entfernt (ihre Alarme bleiben)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 indicators</source>
        <translation>%1: %2 Indikatoren</translation>
    </message>
    <message>
        <source>%1 lines rejected (line %2: %3)</source>
        <translation>%1 Zeilen abgelehnt (Zeile %2: %3)</translation>
    </message>
    <message>
        <source>%1: unchanged</source>
        <translation>%1: unverändert</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Abgleich</translation>
    </message>
    <message numerus="yes">
        <source>%n new match(es)</source>
        <translation>
            <numerusform>%n neuer Treffer</numerusform>
            <numerusform>%n neue Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deck::Models::IntakeService</name>
    <message>
        <source>No case is open: open a case before watching an inbox.</source>
        <translation>Kein Fall geöffnet: öffnen Sie einen Fall, bevor Sie einen Eingangsordner überwachen.</translation>
    </message>
</context>
<context>
    <name>Deck::Models::IntegrityModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
</context>
<context>
    <name>Deck::Models::MarksModel</name>
    <message>
        <source>process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>file event</source>
        <translation>Dateiereignis</translation>
    </message>
    <message>
        <source>network event</source>
        <translation>Netzwerkereignis</translation>
    </message>
    <message>
        <source>state change</source>
        <translation>Zustandsänderung</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>%1 #%2 (not in the case)</source>
        <translation>%1 #%2 (nicht im Fall)</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <source>an unknown process</source>
        <translation>ein unbekannter Prozess</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 %2 by %3 on %4</source>
        <translation>%1 %2 von %3 auf %4</translation>
    </message>
    <message>
        <source>%1 change (%2) on %3 at %4</source>
        <translation>%1-Änderung (%2) auf %3 um %4</translation>
    </message>
    <message>
        <source>“%1” on %2 (%3)</source>
        <translation>„%1“ auf %2 (%3)</translation>
    </message>
    <message>
        <source>archive %1 of %2</source>
        <translation>Archiv %1 von %2</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>%1 (edited %2)</source>
        <translation>%1 (bearbeitet %2)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Label / note</source>
        <translation>Bezeichnung / Notiz</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>remote endpoint</source>
        <translation>entfernter Endpunkt</translation>
    </message>
</context>
<context>
    <name>Deck::Models::NetworkGraph</name>
    <message>
        <source>%1 %2 ports</source>
        <translation>%1 %2 Ports</translation>
    </message>
    <message>
        <source>(no process)</source>
        <translation>(kein Prozess)</translation>
    </message>
    <message>
        <source>Network events of %1 that name no process</source>
        <translation>Netzwerkereignisse von %1 ohne Prozessangabe</translation>
    </message>
    <message>
        <source>%1 %2 to %3 (stitched: %4)</source>
        <translation>%1 %2 zu %3 (verknüpft: %4)</translation>
    </message>
</context>
<context>
    <name>Deck::Models::ObjectMarks</name>
    <message>
        <source>Bookmarked</source>
        <translation>Mit Lesezeichen</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
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
        <translation>%1 (pid %2), gestartet %3 UTC</translation>
    </message>
    <message>
        <source>Ended %1 UTC: %2</source>
        <translation>Beendet %1 UTC: %2</translation>
    </message>
    <message>
        <source>No exit recorded; last seen %1 UTC</source>
        <translation>Kein Ende aufgezeichnet; zuletzt gesehen %1 UTC</translation>
    </message>
    <message>
        <source>The chain of parents ends here: %1</source>
        <translation>Die Kette der Elternprozesse endet hier: %1</translation>
    </message>
    <message>
        <source>Outside the user or time filter: shown because processes below it may match</source>
        <translation>Außerhalb des Benutzer- oder Zeitfilters: angezeigt, weil Prozesse darunter passen können</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Wird geladen...</translation>
    </message>
    <message>
        <source>Host %1: its processes without a parent in the case are listed below it</source>
        <translation>Host %1: seine Prozesse ohne Elternprozess im Fall sind darunter aufgeführt</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Gestartet (UTC)</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>its host is not in the case</source>
        <translation>sein Host ist nicht im Fall</translation>
    </message>
    <message>
        <source>it is on another host than the one shown</source>
        <translation>er liegt auf einem anderen Host als dem angezeigten</translation>
    </message>
    <message>
        <source>it is outside the user or time filter</source>
        <translation>er liegt außerhalb des Benutzer- oder Zeitfilters</translation>
    </message>
    <message>
        <source>a process above it is outside the user or time filter</source>
        <translation>ein Prozess darüber liegt außerhalb des Benutzer- oder Zeitfilters</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
</context>
<context>
    <name>Deck::Models::PullJob</name>
    <message>
        <source>no case is open</source>
        <translation>kein Fall geöffnet</translation>
    </message>
</context>
<context>
    <name>Deck::Models::ReplayTreeModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>alive at last sight</source>
        <translation>bei letzter Sichtung aktiv</translation>
    </message>
    <message>
        <source>No exit was recorded, and the recording of this boot ends before this time.</source>
        <translation>Es wurde kein Ende aufgezeichnet, und die Aufzeichnung dieses Systemstarts endet vor diesem Zeitpunkt.</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Gestartet (UTC)</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
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
        <translation>der Vertrauensauftrag endete ohne Ergebnis; es ist keine Änderung bekannt</translation>
    </message>
</context>
<context>
    <name>Deck::Report::ReportWriter</name>
    <message>
        <source>generated %1 UTC</source>
        <translation>erstellt %1 UTC</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
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
        <translation>läuft</translation>
    </message>
    <message>
        <source>signal %1 (SIG%2)</source>
        <translation>Signal %1 (SIG%2)</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>Signal %1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>Exit %1</translation>
    </message>
    <message>
        <source>exited (how not seen)</source>
        <translation>beendet (Art nicht beobachtet)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>no parent recorded</source>
        <translation>kein Elternprozess aufgezeichnet</translation>
    </message>
    <message>
        <source>parent pid %1 not in the case</source>
        <translation>Eltern-pid %1 nicht im Fall</translation>
    </message>
    <message>
        <source>ppid %1 not in case</source>
        <translation>ppid %1 nicht im Fall</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Coverage:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Abdeckung:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What the case saw of each host. Solid: evidence (recorded, or a recorded loss). Hatched: no evidence of what happened (not recorded, or archives missing).</source>
        <translation>Was der Fall von jedem Host gesehen hat. Ausgefüllt: Belege (aufgezeichnet oder ein aufgezeichneter Verlust). Schraffiert: keine Belege darüber, was geschah (nicht aufgezeichnet oder Archive fehlen).</translation>
    </message>
    <message>
        <source>in the chart: no shown host recorded</source>
        <translation>im Diagramm: kein angezeigter Host hat aufgezeichnet</translation>
    </message>
    <message>
        <source>A hatched stretch of the chart has no events because nothing was recorded, not because nothing happened.</source>
        <translation>Ein schraffierter Abschnitt des Diagramms hat keine Ereignisse, weil nichts aufgezeichnet wurde, nicht weil nichts geschah.</translation>
    </message>
</context>
<context>
    <name>ReplayText</name>
    <message>
        <source>(no process)</source>
        <translation>(kein Prozess)</translation>
    </message>
    <message>
        <source>the case holds no recording of this host</source>
        <translation>der Fall enthält keine Aufzeichnung dieses Hosts</translation>
    </message>
    <message>
        <source>outside the host&apos;s recording (%1 to %2)</source>
        <translation>außerhalb der Aufzeichnung des Hosts (%1 bis %2)</translation>
    </message>
    <message>
        <source>the collector was not running from %1 to %2</source>
        <translation>der Kollektor lief von %1 bis %2 nicht</translation>
    </message>
    <message numerus="yes">
        <source>%n archive(s) missing from the chain between %1 and %2</source>
        <translation>
            <numerusform>%n Archiv fehlt in der Kette zwischen %1 und %2</numerusform>
            <numerusform>%n Archive fehlen in der Kette zwischen %1 und %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lost %2 %3 from %4 to %5</source>
        <translation>%1 hat von %4 bis %5 %2 %3 verloren</translation>
    </message>
    <message>
        <source>no full snapshot of this check before this time</source>
        <translation>kein vollständiger Snapshot dieser Prüfung vor diesem Zeitpunkt</translation>
    </message>
    <message>
        <source>Incomplete: %1 may be missing — %2.</source>
        <translation>Unvollständig: %1 fehlen möglicherweise — %2.</translation>
    </message>
    <message>
        <source>Not known at this time: %1.</source>
        <translation>Zu diesem Zeitpunkt nicht bekannt: %1.</translation>
    </message>
    <message>
        <source>Only the first rows are shown.</source>
        <translation>Nur die ersten Zeilen werden angezeigt.</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Opened (UTC)</source>
        <translation>Geöffnet (UTC)</translation>
    </message>
    <message>
        <source>Closed after writing (UTC)</source>
        <translation>Nach Schreiben geschlossen (UTC)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>opened before, closed after writing later</source>
        <translation>vorher geöffnet, später nach Schreiben geschlossen</translation>
    </message>
    <message>
        <source>closed after writing later; its open was not recorded</source>
        <translation>später nach Schreiben geschlossen; das Öffnen wurde nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>within a run of repeated writes</source>
        <translation>innerhalb einer Folge wiederholter Schreibvorgänge</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Since (UTC)</source>
        <translation>Seit (UTC)</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>lauschend</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source> (alive at last sight)</source>
        <translation> (bei letzter Sichtung aktiv)</translation>
    </message>
    <message>
        <source>%1 by %2, recorded as %3</source>
        <translation>%1 durch %2, aufgezeichnet als %3</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>In this state since (UTC)</source>
        <translation>Zustand seit (UTC)</translation>
    </message>
    <message>
        <source>Program id</source>
        <translation>Programm-ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Collector&apos;s own</source>
        <translation>Vom Kollektor selbst</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>every host of the case (%1)</source>
        <translation>alle Hosts des Falls (%1)</translation>
    </message>
    <message>
        <source>the first event</source>
        <translation>dem ersten Ereignis</translation>
    </message>
    <message>
        <source>the last event</source>
        <translation>dem letzten Ereignis</translation>
    </message>
    <message>
        <source>the whole case</source>
        <translation>der gesamte Fall</translation>
    </message>
    <message>
        <source>from %1 to %2 UTC</source>
        <translation>von %1 bis %2 UTC</translation>
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
        <translation>Erstellt %1 UTC von %2 mit flightdeck</translation>
    </message>
    <message>
        <source>1  Summary</source>
        <translation>1  Zusammenfassung</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Events span</source>
        <translation>Zeitspanne der Ereignisse</translation>
    </message>
    <message>
        <source>%1 UTC (%2)</source>
        <translation>%1 UTC (%2)</translation>
    </message>
    <message>
        <source>no events in scope</source>
        <translation>keine Ereignisse im Umfang</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>%1 with %2, %3 held back</source>
        <translation>%1 mit %2, %3 zurückgehalten</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>archives</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>%1 (%2 not yet triaged), %3, %4 bookmarked, %5</source>
        <translation>%1 (%2 noch ohne Triage), %3, %4 mit Lesezeichen, %5</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>integrity change</source>
        <translation>Integritätsänderung</translation>
    </message>
    <message>
        <source>integrity changes</source>
        <translation>Integritätsänderungen</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Not seen</source>
        <translation>Nicht gesehen</translation>
    </message>
    <message>
        <source>%1 lost (collector&apos;s count), %2 missing from the hash chains, %3 of collector downtime</source>
        <translation>%1 verloren (Zählung des Kollektors), %2 fehlen in den Hash-Ketten, %3 Ausfallzeit des Kollektors</translation>
    </message>
    <message>
        <source>span</source>
        <translation>Zeitspanne</translation>
    </message>
    <message>
        <source>spans</source>
        <translation>Zeitspannen</translation>
    </message>
    <message>
        <source>%1 bookmarks and notes about other hosts or times are not in this report.</source>
        <translation>%1 Lesezeichen und Notizen zu anderen Hosts oder Zeiten sind nicht in diesem Bericht.</translation>
    </message>
    <message>
        <source>Hosts covered</source>
        <translation>Erfasste Hosts</translation>
    </message>
    <message>
        <source>The case holds no hosts.</source>
        <translation>Der Fall enthält keine Hosts.</translation>
    </message>
    <message>
        <source>signer %1%2</source>
        <translation>Signierer %1%2</translation>
    </message>
    <message>
        <source>not recorded in this span</source>
        <translation>in dieser Zeitspanne nicht aufgezeichnet</translation>
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
        <translation>Host</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Events from – to (UTC)</source>
        <translation>Ereignisse von – bis (UTC)</translation>
    </message>
    <message>
        <source>OS / kernel</source>
        <translation>Betriebssystem / Kernel</translation>
    </message>
    <message>
        <source>2  Analyst notes</source>
        <translation>2  Notizen der Analysten</translation>
    </message>
    <message>
        <source>No notes in the scope of this report.</source>
        <translation>Keine Notizen im Umfang dieses Berichts.</translation>
    </message>
    <message>
        <source>%1
(edited %2)</source>
        <translation>%1
(bearbeitet %2)</translation>
    </message>
    <message>
        <source>%1, on %2</source>
        <translation>%1, am %2</translation>
    </message>
    <message>
        <source>Written (UTC)</source>
        <translation>Geschrieben (UTC)</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>3  Timeline</source>
        <translation>3  Zeitleiste</translation>
    </message>
    <message>
        <source>No events in the scope of this report: there is nothing to draw.</source>
        <translation>Keine Ereignisse im Umfang dieses Berichts: es gibt nichts zu zeichnen.</translation>
    </message>
    <message>
        <source>Events per %1 from %2 UTC, added up over %3. Hatched: spans the case did not record (archives missing from a hash chain, collector not running) — no bar there means nothing is known, not that nothing happened.</source>
        <translation>Ereignisse pro %1 ab %2 UTC, aufsummiert über %3. Schraffiert: Zeitspannen, die der Fall nicht aufgezeichnet hat (Archive fehlen in einer Hash-Kette, Kollektor lief nicht) — kein Balken bedeutet dort, dass nichts bekannt ist, nicht dass nichts geschah.</translation>
    </message>
    <message>
        <source>8  Evidence</source>
        <translation>8  Belege</translation>
    </message>
    <message>
        <source>Every archive this report rests on. Each was verified when it was imported: its Ed25519 signature by a trusted host key, the BLAKE2b digest of every entry, and its place in the key&apos;s hash chain (sequence number and the previous archive&apos;s digest).</source>
        <translation>Jedes Archiv, auf dem dieser Bericht beruht. Jedes wurde beim Import verifiziert: seine Ed25519-Signatur durch einen vertrauenswürdigen Host-Schlüssel, der BLAKE2b-Digest jedes Eintrags und sein Platz in der Hash-Kette des Schlüssels (Sequenznummer und Digest des vorherigen Archivs).</translation>
    </message>
    <message>
        <source>Not recorded:</source>
        <translation>Nicht aufgezeichnet:</translation>
    </message>
    <message>
        <source>no archive in the case covers the scope of this report.</source>
        <translation>kein Archiv im Fall deckt den Umfang dieses Berichts ab.</translation>
    </message>
    <message>
        <source>first of its key</source>
        <translation>erstes seines Schlüssels</translation>
    </message>
    <message>
        <source>gap: %1 missing before it</source>
        <translation>Lücke: %1 fehlen davor</translation>
    </message>
    <message>
        <source>late: filled a gap</source>
        <translation>verspätet: hat eine Lücke gefüllt</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>intakt</translation>
    </message>
    <message>
        <source>valid, trusted signer</source>
        <translation>gültig, vertrauenswürdiger Signierer</translation>
    </message>
    <message>
        <source>decrypted</source>
        <translation>entschlüsselt</translation>
    </message>
    <message>
        <source>sealed from a recovered journal</source>
        <translation>aus einem wiederhergestellten Journal versiegelt</translation>
    </message>
    <message>
        <source>digest %1
signer %2
source %3</source>
        <translation>Digest %1
Signierer %2
Quelle %3</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Kette</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifizierung</translation>
    </message>
    <message>
        <source>Imported (UTC), by</source>
        <translation>Importiert (UTC), von</translation>
    </message>
    <message>
        <source>Archives held back</source>
        <translation>Zurückgehaltene Archive</translation>
    </message>
    <message>
        <source>None: no archive of these hosts is held in quarantine.</source>
        <translation>Keine: kein Archiv dieser Hosts wird in Quarantäne zurückgehalten.</translation>
    </message>
    <message>
        <source>These archives are not part of the evidence above: they are held until an analyst decides (an untrusted signer, or a second archive with a sequence number already taken — a fork).</source>
        <translation>Diese Archive gehören nicht zu den obigen Belegen: sie werden zurückgehalten, bis ein Analyst entscheidet (ein nicht vertrauenswürdiger Signierer oder ein zweites Archiv mit einer bereits vergebenen Sequenznummer — eine Verzweigung).</translation>
    </message>
    <message>
        <source>digest %1
signer %2
file %3
%4</source>
        <translation>Digest %1
Signierer %2
Datei %3
%4</translation>
    </message>
    <message>
        <source>Held because</source>
        <translation>Zurückgehalten, weil</translation>
    </message>
    <message>
        <source>Held since (UTC)</source>
        <translation>Zurückgehalten seit (UTC)</translation>
    </message>
    <message>
        <source>9  Chain of custody</source>
        <translation>9  Beweiskette</translation>
    </message>
    <message>
        <source>The case&apos;s audit log: who imported, refused, held, trusted, exported or marked what, and when. Each entry was written in the same transaction as the change it records.</source>
        <translation>Das Audit-Log des Falls: wer was wann importiert, abgelehnt, zurückgehalten, als vertrauenswürdig eingestuft, exportiert oder markiert hat. Jeder Eintrag wurde in derselben Transaktion geschrieben wie die Änderung, die er protokolliert.</translation>
    </message>
    <message>
        <source>%1 entries about archives, notes or bookmarks outside the scope of this report are left out.</source>
        <translation>%1 Einträge zu Archiven, Notizen oder Lesezeichen außerhalb des Umfangs dieses Berichts sind ausgelassen.</translation>
    </message>
    <message>
        <source>The audit log is empty.</source>
        <translation>Das Audit-Log ist leer.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>4  Bookmarked processes</source>
        <translation>4  Prozesse mit Lesezeichen</translation>
    </message>
    <message>
        <source>No processes are bookmarked in the scope of this report.</source>
        <translation>Keine Prozesse mit Lesezeichen im Umfang dieses Berichts.</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <source>pid %1 (not in the case)</source>
        <translation>pid %1 (nicht im Fall)</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>durch Signal %1 beendet</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>%1 UTC, %2 (ran %3)</source>
        <translation>%1 UTC, %2 (lief %3)</translation>
    </message>
    <message>
        <source>no exit recorded; last seen %1 UTC</source>
        <translation>kein Ende aufgezeichnet; zuletzt gesehen %1 UTC</translation>
    </message>
    <message>
        <source>no exit recorded</source>
        <translation>kein Ende aufgezeichnet</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Lesezeichen gesetzt</translation>
    </message>
    <message>
        <source>%1 UTC by %2</source>
        <translation>%1 UTC von %2</translation>
    </message>
    <message>
        <source>Executable</source>
        <translation>Ausführbare Datei</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>uid %1</source>
        <translation>uid %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Ancestry</source>
        <translation>Abstammung</translation>
    </message>
    <message>
        <source>none: a root process</source>
        <translation>keine: ein Wurzelprozess</translation>
    </message>
    <message>
        <source>Note (%1)</source>
        <translation>Notiz (%1)</translation>
    </message>
    <message>
        <source> (%1 times)</source>
        <translation> (%1-mal)</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <source>net %1</source>
        <translation>Netz %1</translation>
    </message>
    <message>
        <source>child</source>
        <translation>Kindprozess</translation>
    </message>
    <message>
        <source>What it did:</source>
        <translation>Was er getan hat:</translation>
    </message>
    <message>
        <source>The case records no activity of this process.</source>
        <translation>Der Fall verzeichnet keine Aktivität dieses Prozesses.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Each list is cut at %1 rows; the case holds more (see &quot;flightdeck-cli query did&quot;).</source>
        <translation>Jede Liste ist auf %1 Zeilen gekürzt; der Fall enthält mehr (siehe &quot;flightdeck-cli query did&quot;).</translation>
    </message>
    <message>
        <source>5  Bookmarked events and objects</source>
        <translation>5  Ereignisse und Objekte mit Lesezeichen</translation>
    </message>
    <message>
        <source>No other bookmarks in the scope of this report.</source>
        <translation>Keine weiteren Lesezeichen im Umfang dieses Berichts.</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Marked by, at (UTC)</source>
        <translation>Markiert von, am (UTC)</translation>
    </message>
    <message>
        <source>6  Integrity changes and alerts</source>
        <translation>6  Integritätsänderungen und Alarme</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>No alerts in the scope of this report.</source>
        <translation>Keine Alarme im Umfang dieses Berichts.</translation>
    </message>
    <message>
        <source>not triaged</source>
        <translation>ohne Triage</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Triaged by, at (UTC)</source>
        <translation>Triage von, am (UTC)</translation>
    </message>
    <message>
        <source>Integrity changes</source>
        <translation>Integritätsänderungen</translation>
    </message>
    <message>
        <source>No integrity changes (packages, kernel modules, BPF programs, watched files, logins, listening sockets) recorded in the scope of this report.</source>
        <translation>Keine Integritätsänderungen (Pakete, Kernelmodule, BPF-Programme, überwachte Dateien, Anmeldungen, lauschende Sockets) im Umfang dieses Berichts aufgezeichnet.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Items changed</source>
        <translation>Geänderte Elemente</translation>
    </message>
    <message>
        <source>Only the first %1 changes are listed; the case holds more.</source>
        <translation>Nur die ersten %1 Änderungen werden aufgeführt; der Fall enthält mehr.</translation>
    </message>
    <message>
        <source>7  Coverage gaps and losses</source>
        <translation>7  Abdeckungslücken und Verluste</translation>
    </message>
    <message>
        <source>What the case did not see. &quot;No losses recorded&quot; means the collector ran, counted what its buffers dropped and reported nothing lost. &quot;Not recorded&quot; means no archive in the case covers that time: nothing is known about it, in either direction.</source>
        <translation>Was der Fall nicht gesehen hat. „Keine Verluste aufgezeichnet“ bedeutet, dass der Kollektor lief, zählte, was seine Puffer verworfen haben, und keinen Verlust meldete. „Nicht aufgezeichnet“ bedeutet, dass kein Archiv im Fall diese Zeit abdeckt: darüber ist nichts bekannt, in keine Richtung.</translation>
    </message>
    <message>
        <source>the case holds no hosts.</source>
        <translation>der Fall enthält keine Hosts.</translation>
    </message>
    <message>
        <source>no archive of %1 in the case covers the scope of this report; nothing is known about this host in it.</source>
        <translation>kein Archiv von %1 im Fall deckt den Umfang dieses Berichts ab; über diesen Host ist darin nichts bekannt.</translation>
    </message>
    <message>
        <source>No losses recorded:</source>
        <translation>Keine Verluste aufgezeichnet:</translation>
    </message>
    <message>
        <source>the collector reported no lost events in the archives of this span.</source>
        <translation>der Kollektor meldete in den Archiven dieser Zeitspanne keine verlorenen Ereignisse.</translation>
    </message>
    <message>
        <source>Losses recorded:</source>
        <translation>Verluste aufgezeichnet:</translation>
    </message>
    <message>
        <source>the collector reported %1 lost (%2). Activity in these spans may be missing from this report.</source>
        <translation>der Kollektor meldete %1 verloren (%2). Aktivität in diesen Zeitspannen kann in diesem Bericht fehlen.</translation>
    </message>
    <message>
        <source>loss record</source>
        <translation>Verlustdatensatz</translation>
    </message>
    <message>
        <source>loss records</source>
        <translation>Verlustdatensätze</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>archive seq %1 is</source>
        <translation>Archiv Seq. %1 fehlt</translation>
    </message>
    <message>
        <source>archives seq %1–%2 are</source>
        <translation>Archive Seq. %1–%2 fehlen</translation>
    </message>
    <message>
        <source>from %1 to %2 UTC (%3)</source>
        <translation>von %1 bis %2 UTC (%3)</translation>
    </message>
    <message>
        <source>before %1 UTC</source>
        <translation>vor %1 UTC</translation>
    </message>
    <message>
        <source>%1 missing from the hash chain of signing key #%2; nothing is known about %3 %4.</source>
        <translation>%1 in der Hash-Kette des Signierschlüssels #%2; über %3 ist %4 nichts bekannt.</translation>
    </message>
    <message>
        <source>it was stopped (a stop record was written)</source>
        <translation>er wurde gestoppt (ein Stopp-Datensatz wurde geschrieben)</translation>
    </message>
    <message>
        <source>it ended without a stop record: a crash, kill or power loss</source>
        <translation>er endete ohne Stopp-Datensatz: Absturz, Kill oder Stromausfall</translation>
    </message>
    <message>
        <source>the collector was not running from %1 to %2 UTC (%3); %4.</source>
        <translation>der Kollektor lief nicht von %1 bis %2 UTC (%3); %4.</translation>
    </message>
    <message>
        <source>Recorded throughout:</source>
        <translation>Durchgehend aufgezeichnet:</translation>
    </message>
    <message>
        <source>the hash chain has no gaps in this span and the collector ran without a break.</source>
        <translation>die Hash-Kette hat in dieser Zeitspanne keine Lücken und der Kollektor lief ohne Unterbrechung.</translation>
    </message>
    <message>
        <source>rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <source>%1 (uid %2)</source>
        <translation>%1 (UID %2)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>gid %1</source>
        <translation>GID %1</translation>
    </message>
    <message>
        <source>%1 (gid %2)</source>
        <translation>%1 (GID %2)</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>collector</source>
        <translation>Kollektor</translation>
    </message>
    <message>
        <source>loss records</source>
        <translation>Verlustdatensätze</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>No events in the scope of this report.</source>
        <translation>Keine Ereignisse im Umfang dieses Berichts.</translation>
    </message>
    <message>
        <source>time (UTC, %1bars of %2); events per bar</source>
        <translation>Zeit (UTC, %1Balken zu je %2); Ereignisse pro Balken</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Flight Deck: investigate what Flight Recorder recorded on your hosts.</source>
        <translation>Flight Deck: untersuchen, was Flight Recorder auf Ihren Rechnern aufgezeichnet hat.</translation>
    </message>
    <message>
        <source>A case file or postgresql:// URL to open.</source>
        <translation>Eine Falldatei oder postgresql://-URL, die geöffnet wird.</translation>
    </message>
</context>
</TS>
