<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
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
        <translation>Casos de Flight Recorder (*.sqlite);;Todos los archivos (*)</translation>
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
