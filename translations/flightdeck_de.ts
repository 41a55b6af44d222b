<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
