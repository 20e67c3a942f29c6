<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CrashDialog</name>
    <message numerus="yes">
        <source>An error happened %n more time(s) since; each one is in the log.</source>
        <translation>
            <numerusform>An error happened %n more time since; each one is in the log.</numerusform>
            <numerusform>An error happened %n more times since; each one is in the log.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EpisodePanel</name>
    <message numerus="yes">
        <source>%n movement(s)</source>
        <translation>
            <numerusform>%n movement</numerusform>
            <numerusform>%n movements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n record(s) already here and staying as they are.</source>
        <translation>
            <numerusform>%n record already here and staying as they are.</numerusform>
            <numerusform>%n records already here and staying as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with values that differ from what is here. A CSV row carries no time of change, so what is here is kept; only empty details are filled in.</source>
        <translation>
            <numerusform>%n row with values that differ from what is here. A CSV row carries no time of change, so what is here is kept; only empty details are filled in.</numerusform>
            <numerusform>%n rows with values that differ from what is here. A CSV row carries no time of change, so what is here is kept; only empty details are filled in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message numerus="yes">
        <source>movement(s) this episode · last {ago} ago</source>
        <translation>
            <numerusform>movement this episode · last {ago} ago</numerusform>
            <numerusform>movements this episode · last {ago} ago</numerusform>
        </translation>
    </message>
</context>
</TS>