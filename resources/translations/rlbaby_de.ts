<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>BreakdownChart</name>
    <message>
        <source>No episode details noted in this range yet. After an episode, open its details on the Log tab (key A) and note what helped, what you saw and what might have set it off.</source>
        <translation>In diesem Zeitraum sind noch keine Details zu Episoden notiert. Öffnen Sie nach einer Episode deren Details im Protokoll (Taste A) und notieren Sie, was geholfen hat, was Sie gesehen haben und was sie ausgelöst haben könnte.</translation>
    </message>
    <message>
        <source>What you noted about the episodes</source>
        <translation>Was Sie zu den Episoden notiert haben</translation>
    </message>
    <message numerus="yes">
        <source>of %n episode(s) with a response noted</source>
        <translation>
            <numerusform>von %n Episode mit notierter Reaktion</numerusform>
            <numerusform>von %n Episoden mit notierter Reaktion</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n episode(s)</source>
        <translation>
            <numerusform>von %n Episode</numerusform>
            <numerusform>von %n Episoden</numerusform>
        </translation>
    </message>
    <message>
        <source>{title}: {answer}: {episodes}, {percent}% {base}</source>
        <translation>{title}: {answer}: {episodes}, {percent} % {base}</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>new movement</source>
        <translation>neue Bewegung</translation>
    </message>
    <message>
        <source>new episode</source>
        <translation>neue Episode</translation>
    </message>
    <message>
        <source>new sleep period</source>
        <translation>neue Schlafphase</translation>
    </message>
    <message>
        <source>new child</source>
        <translation>neues Kind</translation>
    </message>
    <message>
        <source>change to the movement</source>
        <translation>Änderung der Bewegung</translation>
    </message>
    <message>
        <source>change to the episode</source>
        <translation>Änderung der Episode</translation>
    </message>
    <message>
        <source>change to the sleep period</source>
        <translation>Änderung der Schlafphase</translation>
    </message>
    <message>
        <source>change to the child</source>
        <translation>Änderung beim Kind</translation>
    </message>
    <message>
        <source>deleted movement</source>
        <translation>gelöschte Bewegung</translation>
    </message>
    <message>
        <source>deleted episode</source>
        <translation>gelöschte Episode</translation>
    </message>
    <message>
        <source>deleted sleep period</source>
        <translation>gelöschte Schlafphase</translation>
    </message>
    <message>
        <source>deleted child</source>
        <translation>gelöschtes Kind</translation>
    </message>
    <message>
        <source>kind of movement</source>
        <translation>Art der Bewegung</translation>
    </message>
    <message>
        <source>settled mark</source>
        <translation>Beruhigt-Markierung</translation>
    </message>
    <message>
        <source>cancelled asleep mark</source>
        <translation>zurückgenommene Eingeschlafen-Markierung</translation>
    </message>
    <message>
        <source>awake mark</source>
        <translation>Aufgewacht-Markierung</translation>
    </message>
    <message>
        <source>asleep mark</source>
        <translation>Eingeschlafen-Markierung</translation>
    </message>
</context>
<context>
    <name>ChartSummary</name>
    <message>
        <source>Each movement of one night at its time, by kind, with episodes and sleep marked.</source>
        <translation>Jede Bewegung einer Nacht zu ihrer Uhrzeit, nach Art, mit markierten Episoden und Schlafzeiten.</translation>
    </message>
    <message>
        <source>How far apart movements came within episodes: how many gaps of each length.</source>
        <translation>Wie weit die Bewegungen innerhalb der Episoden auseinanderlagen: wie viele Abstände welcher Länge.</translation>
    </message>
    <message>
        <source>Movements, episodes, movements per hour asleep and periodic runs for each night, with a 7-night average.</source>
        <translation>Bewegungen, Episoden, Bewegungen pro Stunde Schlaf und periodische Folgen für jede Nacht, mit dem Durchschnitt über 7 Nächte.</translation>
    </message>
    <message>
        <source>One row per night; each cell&apos;s colour is the movements in that part of it.</source>
        <translation>Eine Zeile pro Nacht; die Farbe jedes Feldes zeigt die Bewegungen in diesem Abschnitt der Nacht.</translation>
    </message>
    <message>
        <source>How often each answer was noted in the episode details.</source>
        <translation>Wie oft jede Antwort in den Episoden-Details notiert wurde.</translation>
    </message>
    <message>
        <source>What was tried to soothe the episodes, and how often the baby then settled.</source>
        <translation>Was zum Beruhigen versucht wurde und wie oft sich das Baby danach beruhigt hat.</translation>
    </message>
    <message>
        <source>No movements on the night of {night}.</source>
        <translation>Keine Bewegungen in der Nacht vom {night}.</translation>
    </message>
    <message>
        <source>{count} on the night of {night}, the last at {last}.</source>
        <translation>{count} in der Nacht vom {night}, die letzte um {last}.</translation>
    </message>
    <message>
        <source>{count} within episodes: {rapid:.0%} under {below:g} s, {regular:.0%} from {lo:g} to {hi:g} s.</source>
        <translation>{count} innerhalb von Episoden: {rapid:.0%} unter {below:g} s, {regular:.0%} von {lo:g} bis {hi:g} s.</translation>
    </message>
    <message>
        <source>{logged} of {nights} logged; {total} in all.</source>
        <translation>{logged} von {nights} protokolliert; insgesamt {total}.</translation>
    </message>
    <message>
        <source>{total} over {nights}.</source>
        <translation>{total} in {nights}.</translation>
    </message>
    <message>
        <source>Most of them from {start} to {end}.</source>
        <translation>Die meisten von {start} bis {end}.</translation>
    </message>
    <message>
        <source>{title}: most often {answer}, {count} {base}.</source>
        <translation>{title}: am häufigsten {answer}, {count} {base}.</translation>
    </message>
    <message>
        <source>Nothing noted as tried.</source>
        <translation>Nichts als versucht notiert.</translation>
    </message>
    <message>
        <source>Tried most: {what}, in {tried}; noted as settled after {helped}.</source>
        <translation>Am häufigsten versucht: {what}, in {tried}; {helped}-mal danach als beruhigt notiert.</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <source>Point at the chart to see exact values.</source>
        <translation>Zeigen Sie auf das Diagramm, um genaue Werte zu sehen.</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Noch nichts anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Tonight</source>
        <translation>Heute Nacht</translation>
    </message>
    <message>
        <source>Last 7 nights</source>
        <translation>Letzte 7 Nächte</translation>
    </message>
    <message>
        <source>Last 30 nights</source>
        <translation>Letzte 30 Nächte</translation>
    </message>
    <message>
        <source>Last 90 nights</source>
        <translation>Letzte 90 Nächte</translation>
    </message>
    <message>
        <source>All nights</source>
        <translation>Alle Nächte</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Gewählte Daten</translation>
    </message>
    <message>
        <source>One night</source>
        <translation>Eine Nacht</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Bewegungen</translation>
    </message>
    <message>
        <source>Episodes</source>
        <translation>Episoden</translation>
    </message>
    <message>
        <source>Movements per hour asleep</source>
        <translation>Bewegungen pro Stunde Schlaf</translation>
    </message>
    <message>
        <source>Periodic runs</source>
        <translation>Periodische Folgen</translation>
    </message>
    <message>
        <source>Response to soothing</source>
        <translation>Reaktion auf Beruhigen</translation>
    </message>
    <message>
        <source>Signs noticed</source>
        <translation>Bemerkte Anzeichen</translation>
    </message>
    <message>
        <source>Possible triggers</source>
        <translation>Mögliche Auslöser</translation>
    </message>
    <message>
        <source>State when it started</source>
        <translation>Zustand zu Beginn</translation>
    </message>
    <message>
        <source>not noted</source>
        <translation>nicht notiert</translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message>
        <source>Night timeline</source>
        <translation>Nacht-Zeitleiste</translation>
    </message>
    <message>
        <source>Gaps between movements</source>
        <translation>Abstände zwischen Bewegungen</translation>
    </message>
    <message>
        <source>Nights over time</source>
        <translation>Nächte im Verlauf</translation>
    </message>
    <message>
        <source>Night map</source>
        <translation>Nachtkarte</translation>
    </message>
    <message>
        <source>Episode details</source>
        <translation>Episoden-Details</translation>
    </message>
    <message>
        <source>Soothing</source>
        <translation>Beruhigen</translation>
    </message>
    <message>
        <source>Add your child on the Log tab first; the charts fill in as you log.</source>
        <translation>Legen Sie zuerst Ihr Kind im Protokoll an; die Diagramme füllen sich, während Sie protokollieren.</translation>
    </message>
    <message>
        <source>Whose charts to show</source>
        <translation>Wessen Diagramme angezeigt werden</translation>
    </message>
    <message>
        <source>Which nights the charts cover</source>
        <translation>Welche Nächte die Diagramme zeigen</translation>
    </message>
    <message>
        <source>From night</source>
        <translation>Von Nacht</translation>
    </message>
    <message>
        <source>To night</source>
        <translation>Bis Nacht</translation>
    </message>
    <message>
        <source>First night</source>
        <translation>Erste Nacht</translation>
    </message>
    <message>
        <source>Last night</source>
        <translation>Letzte Nacht</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Undo zooming and panning (mouse wheel zooms, drag pans)</source>
        <translation>Zoomen und Verschieben zurücknehmen (Mausrad zoomt, Ziehen verschiebt)</translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation>Bild speichern …</translation>
    </message>
    <message>
        <source>Save the chart you see as a PNG picture</source>
        <translation>Das sichtbare Diagramm als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Save numbers…</source>
        <translation>Zahlen speichern …</translation>
    </message>
    <message>
        <source>Save the numbers behind this chart as a CSV table</source>
        <translation>Die Zahlen hinter diesem Diagramm als CSV-Tabelle speichern</translation>
    </message>
    <message>
        <source>Show this chart below</source>
        <translation>Dieses Diagramm unten anzeigen</translation>
    </message>
    <message>
        <source>Charts for</source>
        <translation>Diagramme für</translation>
    </message>
    <message>
        <source>Nights:</source>
        <translation>Nächte:</translation>
    </message>
    <message>
        <source>Night of {date}</source>
        <translation>Nacht vom {date}</translation>
    </message>
    <message>
        <source>No child</source>
        <translation>Kein Kind</translation>
    </message>
    <message>
        <source>night of {date}</source>
        <translation>Nacht vom {date}</translation>
    </message>
    <message>
        <source>nights {first} to {last}</source>
        <translation>Nächte {first} bis {last}</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Save chart as picture</source>
        <translation>Diagramm als Bild speichern</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>Save chart numbers</source>
        <translation>Zahlen des Diagramms speichern</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV-Tabellen (*.csv)</translation>
    </message>
</context>
<context>
    <name>ChildBar</name>
    <message>
        <source>Child:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Log for {name} (C switches child)</source>
        <translation>Für {name} protokollieren (C wechselt das Kind)</translation>
    </message>
    <message>
        <source>+ Add child</source>
        <translation>+ Kind hinzufügen</translation>
    </message>
    <message>
        <source>Add a child (twins are logged side by side)</source>
        <translation>Ein Kind hinzufügen (Zwillinge werden nebeneinander protokolliert)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit this child&apos;s details and health notes</source>
        <translation>Angaben und Gesundheitsnotizen dieses Kindes bearbeiten</translation>
    </message>
    <message>
        <source>Edit child</source>
        <translation>Kind bearbeiten</translation>
    </message>
    <message>
        <source>Name, birth date and health notes (Ctrl+E)</source>
        <translation>Name, Geburtsdatum und Gesundheitsnotizen (Strg+E)</translation>
    </message>
</context>
<context>
    <name>ChildDialog</name>
    <message>
        <source>Edit child</source>
        <translation>Kind bearbeiten</translation>
    </message>
    <message>
        <source>Add a child</source>
        <translation>Kind hinzufügen</translation>
    </message>
    <message>
        <source>First name or nickname</source>
        <translation>Vorname oder Spitzname</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Bekannt</translation>
    </message>
    <message>
        <source>Birth date known</source>
        <translation>Geburtsdatum bekannt</translation>
    </message>
    <message>
        <source>Tick to keep the birth date below</source>
        <translation>Ankreuzen, um das Geburtsdatum unten zu behalten</translation>
    </message>
    <message>
        <source>The baby&apos;s date of birth, if known</source>
        <translation>Das Geburtsdatum des Babys, falls bekannt</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Born before 37 weeks</source>
        <translation>Vor der 37. Woche geboren</translation>
    </message>
    <message>
        <source>Does a parent, brother, sister or grandparent have restless legs?</source>
        <translation>Hat ein Elternteil, ein Geschwister oder ein Großelternteil unruhige Beine?</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Laborwerte</translation>
    </message>
    <message>
        <source>One test a row: test, value, unit and date. Type in the last row to add one.</source>
        <translation>Ein Test pro Zeile: Test, Wert, Einheit und Datum. Zum Hinzufügen in die letzte Zeile schreiben.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>Anything the doctor should know</source>
        <translation>Alles, was die Ärztin oder der Arzt wissen sollte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Born early</source>
        <translation>Zu früh geboren</translation>
    </message>
    <message>
        <source>Family history of restless legs</source>
        <translation>Unruhige Beine in der Familie</translation>
    </message>
    <message>
        <source>Lab results (as the doctor gave them)</source>
        <translation>Laborwerte (wie von der Praxis mitgeteilt)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>lab row {row}: give at least the test and its value</source>
        <translation>Laborzeile {row}: bitte mindestens den Test und seinen Wert angeben</translation>
    </message>
    <message>
        <source>lab row {row}: date {date} is not YYYY-MM-DD</source>
        <translation>Laborzeile {row}: Datum {date} ist nicht im Format JJJJ-MM-TT</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>Closer to typical</source>
        <translation>Eher üblich</translation>
    </message>
    <message>
        <source>Leans to worth discussing</source>
        <translation>Eher ein Thema fürs Arztgespräch</translation>
    </message>
    <message>
        <source>Cannot tell yet</source>
        <translation>Noch keine Aussage möglich</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Häufigkeit</translation>
    </message>
    <message>
        <source>Response to soothing</source>
        <translation>Reaktion auf Beruhigen</translation>
    </message>
    <message>
        <source>Associated symptoms</source>
        <translation>Begleitende Anzeichen</translation>
    </message>
    <message>
        <source>Time of occurrence</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Physical appearance</source>
        <translation>Aussehen der Bewegungen</translation>
    </message>
    <message>
        <source>Kicks or fidgets now and then, with quiet spells between</source>
        <translation>Strampelt oder zappelt ab und zu, mit ruhigen Pausen dazwischen</translation>
    </message>
    <message>
        <source>Jerking that hardly lets up and keeps waking your baby</source>
        <translation>Zucken, das kaum nachlässt und Ihr Baby immer wieder weckt</translation>
    </message>
    <message>
        <source>Calms when you comfort your baby</source>
        <translation>Beruhigt sich, wenn Sie Ihr Baby trösten</translation>
    </message>
    <message>
        <source>Keeps going however you try to settle your baby</source>
        <translation>Hält an, wie auch immer Sie Ihr Baby zu beruhigen versuchen</translation>
    </message>
    <message>
        <source>Nothing else seems wrong</source>
        <translation>Sonst scheint alles in Ordnung</translation>
    </message>
    <message>
        <source>Crying you cannot settle, or problems with feeding</source>
        <translation>Weinen, das sich nicht beruhigen lässt, oder Probleme beim Trinken</translation>
    </message>
    <message>
        <source>Mostly when your baby is lively and alert</source>
        <translation>Meist, wenn Ihr Baby munter und wach ist</translation>
    </message>
    <message>
        <source>Mostly in the night</source>
        <translation>Meist in der Nacht</translation>
    </message>
    <message>
        <source>Smooth, flowing (stretching, cycling)</source>
        <translation>Weich, fließend (Strecken, Radfahren)</translation>
    </message>
    <message>
        <source>Twitchy spasms or stiffness</source>
        <translation>Zuckende Krämpfe oder Steifheit</translation>
    </message>
    <message>
        <source>This is not a diagnosis. It sets what you logged beside the guide&apos;s table, as a starting point for a talk with your doctor.</source>
        <translation>Das ist keine Diagnose. Es stellt Ihr Protokoll neben die Tabelle des Ratgebers, als Ausgangspunkt für ein Gespräch mit Ihrer Ärztin oder Ihrem Arzt.</translation>
    </message>
</context>
<context>
    <name>ComparisonTable</name>
    <message>
        <source>Typical</source>
        <translation>Üblich</translation>
    </message>
    <message>
        <source>Worth discussing with a doctor</source>
        <translation>Lohnt ein Arztgespräch</translation>
    </message>
    <message>
        <source>Your log</source>
        <translation>Ihr Protokoll</translation>
    </message>
    <message>
        <source>How this row is read: {rule}</source>
        <translation>So wird diese Zeile gelesen: {rule}</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Nights of {first} to {last}</source>
        <translation>Nächte vom {first} bis {last}</translation>
    </message>
    <message>
        <source>Your log beside the guide</source>
        <translation>Ihr Protokoll neben dem Ratgeber</translation>
    </message>
    <message>
        <source>How many of the latest nights to look at</source>
        <translation>Wie viele der letzten Nächte betrachtet werden</translation>
    </message>
    <message>
        <source>Last {n} nights</source>
        <translation>Letzte {n} Nächte</translation>
    </message>
    <message>
        <source>Look at the rows together rather than one on its own. Hover over a row to see how it is read.</source>
        <translation>Betrachten Sie die Zeilen zusammen, nicht jede für sich. Zeigen Sie auf eine Zeile, um zu sehen, wie sie gelesen wird.</translation>
    </message>
    <message>
        <source>Read the guide&apos;s page on this table</source>
        <translation>Die Seite des Ratgebers zu dieser Tabelle lesen</translation>
    </message>
    <message>
        <source>Add a child on the Log tab, and your log will show here.</source>
        <translation>Legen Sie im Protokoll ein Kind an, dann erscheint Ihr Protokoll hier.</translation>
    </message>
    <message>
        <source>{name}&apos;s log beside the guide</source>
        <translation>Protokoll von {name} neben dem Ratgeber</translation>
    </message>
    <message numerus="yes">
        <source>{range}: %n logged, {episodes}.</source>
        <translation>
            <numerusform>{range}: %n protokolliert, {episodes}.</numerusform>
            <numerusform>{range}: %n protokolliert, {episodes}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enough logged yet.</source>
        <translation>Noch nicht genug protokolliert.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Your log is safe. rlbaby writes every change to disk in full before it shows it, so what was saved before stays as it was. The step that failed may not have been saved: have a look at it on the Log or History tab.</source>
        <translation>Ihr Protokoll ist sicher. rlbaby schreibt jede Änderung vollständig auf die Festplatte, bevor es sie anzeigt; was vorher gespeichert war, bleibt, wie es war. Der fehlgeschlagene Schritt ist vielleicht nicht gespeichert: Sehen Sie im Protokoll oder im Verlauf nach.</translation>
    </message>
    <message>
        <source>rlbaby: something went wrong</source>
        <translation>rlbaby: Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>rlbaby could not finish this step: {step}.</source>
        <translation>rlbaby konnte diesen Schritt nicht abschließen: {step}.</translation>
    </message>
    <message>
        <source>rlbaby could not finish this step.</source>
        <translation>rlbaby konnte diesen Schritt nicht abschließen.</translation>
    </message>
    <message>
        <source>What failed: {what}</source>
        <translation>Was fehlschlug: {what}</translation>
    </message>
    <message>
        <source>The details for a developer are in:
{path}</source>
        <translation>Die Einzelheiten für Entwickler stehen in:
{path}</translation>
    </message>
    <message>
        <source>The details could not be written to a log file.</source>
        <translation>Die Einzelheiten konnten nicht in eine Logdatei geschrieben werden.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Quit rlbaby</source>
        <translation>rlbaby beenden</translation>
    </message>
    <message numerus="yes">
        <source>An error happened %n more time(s) since; each one is in the log.</source>
        <translation>
            <numerusform>Seitdem ist %n weiterer Fehler aufgetreten; jeder steht in der Logdatei.</numerusform>
            <numerusform>Seitdem sind %n weitere Fehler aufgetreten; jeder steht in der Logdatei.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EpisodePanel</name>
    <message>
        <source>No episode open</source>
        <translation>Keine Episode offen</translation>
    </message>
    <message>
        <source>Settled  (E)</source>
        <translation>Beruhigt  (E)</translation>
    </message>
    <message>
        <source>The baby has settled: end this episode now (E)</source>
        <translation>Das Baby hat sich beruhigt: diese Episode jetzt beenden (E)</translation>
    </message>
    <message>
        <source>Add details  (A)</source>
        <translation>Details  (A)</translation>
    </message>
    <message>
        <source>Soothing, response, signs and triggers for this episode (A)</source>
        <translation>Beruhigen, Reaktion, Anzeichen und Auslöser zu dieser Episode (A)</translation>
    </message>
    <message>
        <source>The next tap starts one.</source>
        <translation>Das nächste Tippen beginnt eine.</translation>
    </message>
    <message>
        <source>Episode in progress</source>
        <translation>Episode läuft</translation>
    </message>
    <message>
        <source>Started {time}</source>
        <translation>Begonnen {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n movement(s)</source>
        <translation>
            <numerusform>%n Bewegung</numerusform>
            <numerusform>%n Bewegungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Last intervals: {gaps}</source>
        <translation>Letzte Abstände: {gaps}</translation>
    </message>
</context>
<context>
    <name>EpisodeSheet</name>
    <message>
        <source>The baby was asleep when the movements began</source>
        <translation>Das Baby schlief, als die Bewegungen begannen</translation>
    </message>
    <message>
        <source>The baby was drifting off or half awake</source>
        <translation>Das Baby war am Einschlafen oder halb wach</translation>
    </message>
    <message>
        <source>The baby was awake when the movements began</source>
        <translation>Das Baby war wach, als die Bewegungen begannen</translation>
    </message>
    <message>
        <source>You rocked the baby</source>
        <translation>Sie haben das Baby gewiegt</translation>
    </message>
    <message>
        <source>You fed the baby</source>
        <translation>Sie haben das Baby gefüttert</translation>
    </message>
    <message>
        <source>You changed the diaper</source>
        <translation>Sie haben die Windel gewechselt</translation>
    </message>
    <message>
        <source>You loosened clothing or the swaddle</source>
        <translation>Sie haben Kleidung oder Pucksack gelockert</translation>
    </message>
    <message>
        <source>You made the room warmer or cooler</source>
        <translation>Sie haben das Zimmer wärmer oder kühler gemacht</translation>
    </message>
    <message>
        <source>You gently massaged the legs</source>
        <translation>Sie haben die Beine sanft massiert</translation>
    </message>
    <message>
        <source>You used white noise or soft sound</source>
        <translation>Sie haben weißes Rauschen oder leise Geräusche benutzt</translation>
    </message>
    <message>
        <source>You gently held the legs still</source>
        <translation>Sie haben die Beine sanft festgehalten</translation>
    </message>
    <message>
        <source>Calm again within about 5 minutes of soothing</source>
        <translation>Innerhalb von etwa 5 Minuten Beruhigen wieder ruhig</translation>
    </message>
    <message>
        <source>Calmed down, but it took longer</source>
        <translation>Ruhig geworden, aber es dauerte länger</translation>
    </message>
    <message>
        <source>Soothing did not calm the baby</source>
        <translation>Das Beruhigen hat das Baby nicht beruhigt</translation>
    </message>
    <message>
        <source>The movements stopped when the baby woke up</source>
        <translation>Die Bewegungen hörten auf, als das Baby aufwachte</translation>
    </message>
    <message>
        <source>URGENT: the movements went on after the baby woke. Seek medical help now</source>
        <translation>DRINGEND: Die Bewegungen gingen weiter, nachdem das Baby aufwachte. Holen Sie jetzt ärztliche Hilfe</translation>
    </message>
    <message>
        <source>You did not wake the baby</source>
        <translation>Sie haben das Baby nicht geweckt</translation>
    </message>
    <message>
        <source>Crying that nothing would calm</source>
        <translation>Weinen, das sich durch nichts beruhigen ließ</translation>
    </message>
    <message>
        <source>Trouble feeding around this episode</source>
        <translation>Probleme beim Trinken um diese Episode herum</translation>
    </message>
    <message>
        <source>URGENT: the body or legs went stiff. Seek medical help now</source>
        <translation>DRINGEND: Körper oder Beine wurden steif. Holen Sie jetzt ärztliche Hilfe</translation>
    </message>
    <message>
        <source>URGENT: spasms or jerks in clusters, not smooth kicks. Seek help now</source>
        <translation>DRINGEND: Krämpfe oder Zuckungen in Serien, kein weiches Strampeln. Holen Sie jetzt Hilfe</translation>
    </message>
    <message>
        <source>URGENT: eyes rolling or fixed. Seek medical help now</source>
        <translation>DRINGEND: Augen verdreht oder starr. Holen Sie jetzt ärztliche Hilfe</translation>
    </message>
    <message>
        <source>URGENT: colour change (pale, blue or grey). Seek medical help now</source>
        <translation>DRINGEND: Farbveränderung (blass, bläulich oder grau). Holen Sie jetzt ärztliche Hilfe</translation>
    </message>
    <message>
        <source>URGENT: pauses in breathing. Seek medical help now</source>
        <translation>DRINGEND: Atempausen. Holen Sie jetzt ärztliche Hilfe</translation>
    </message>
    <message>
        <source>URGENT: the same jerking also happens when awake. Seek medical help now</source>
        <translation>DRINGEND: Dasselbe Zucken kommt auch im Wachzustand vor. Holen Sie jetzt ärztliche Hilfe</translation>
    </message>
    <message>
        <source>The baby may have been hungry</source>
        <translation>Das Baby hatte vielleicht Hunger</translation>
    </message>
    <message>
        <source>The diaper was wet or soiled</source>
        <translation>Die Windel war nass oder voll</translation>
    </message>
    <message>
        <source>Clothing or swaddle seemed tight</source>
        <translation>Kleidung oder Pucksack schienen eng</translation>
    </message>
    <message>
        <source>The baby or room seemed too warm</source>
        <translation>Baby oder Zimmer schienen zu warm</translation>
    </message>
    <message>
        <source>The baby or room seemed too cold</source>
        <translation>Baby oder Zimmer schienen zu kalt</translation>
    </message>
    <message>
        <source>A busy or exciting time before sleep</source>
        <translation>Eine unruhige oder aufregende Zeit vor dem Schlafen</translation>
    </message>
    <message>
        <source>The baby seemed unwell (cold, fever, teething...)</source>
        <translation>Das Baby wirkte krank (Erkältung, Fieber, Zahnen …)</translation>
    </message>
    <message>
        <source>Episode details</source>
        <translation>Episoden-Details</translation>
    </message>
    <message>
        <source>What happened in this episode; every change is saved at once</source>
        <translation>Was in dieser Episode geschah; jede Änderung wird sofort gespeichert</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the sheet (Escape). Everything is already saved.</source>
        <translation>Schließen (Escape). Alles ist bereits gespeichert.</translation>
    </message>
    <message>
        <source>Every change is saved at once.</source>
        <translation>Jede Änderung wird sofort gespeichert.</translation>
    </message>
    <message>
        <source>Enter logs a movement · Space ticks the chip in focus</source>
        <translation>Enter erfasst eine Bewegung · Leertaste wählt das markierte Feld</translation>
    </message>
    <message>
        <source>State at onset</source>
        <translation>Zustand zu Beginn</translation>
    </message>
    <message>
        <source>Soothing tried</source>
        <translation>Versuchtes Beruhigen</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Stopped when woken</source>
        <translation>Beim Wecken aufgehört</translation>
    </message>
    <message>
        <source>Associated signs</source>
        <translation>Begleitende Anzeichen</translation>
    </message>
    <message>
        <source>Possible triggers</source>
        <translation>Mögliche Auslöser</translation>
    </message>
    <message>
        <source>Video taken</source>
        <translation>Video aufgenommen</translation>
    </message>
    <message>
        <source>You filmed this episode (a video helps the doctor a lot)</source>
        <translation>Sie haben diese Episode gefilmt (ein Video hilft der Ärztin oder dem Arzt sehr)</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Anything else worth remembering</source>
        <translation>Was sonst noch wichtig ist</translation>
    </message>
    <message>
        <source>A free note; saved as you type</source>
        <translation>Eine freie Notiz; wird beim Tippen gespeichert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Read about this in the guide</source>
        <translation>Mehr dazu im Ratgeber</translation>
    </message>
    <message>
        <source>Guide: {question}</source>
        <translation>Ratgeber: {question}</translation>
    </message>
    <message>
        <source>Opens the guide&apos;s page on this question</source>
        <translation>Öffnet die Ratgeber-Seite zu dieser Frage</translation>
    </message>
    <message>
        <source>Episode at {time}</source>
        <translation>Episode um {time}</translation>
    </message>
</context>
<context>
    <name>GuideContents</name>
    <message>
        <source>Your log beside the guide</source>
        <translation>Ihr Protokoll neben dem Ratgeber</translation>
    </message>
    <message>
        <source>Guide contents</source>
        <translation>Inhalt des Ratgebers</translation>
    </message>
    <message>
        <source>The pages of the guide, or the pages a search found</source>
        <translation>Die Seiten des Ratgebers oder die Seiten, die eine Suche gefunden hat</translation>
    </message>
    <message>
        <source>Your log, row by row, beside the guide&apos;s table</source>
        <translation>Ihr Protokoll, Zeile für Zeile, neben der Tabelle des Ratgebers</translation>
    </message>
    <message>
        <source>No page mentions “{term}”.</source>
        <translation>Keine Seite erwähnt „{term}“.</translation>
    </message>
</context>
<context>
    <name>GuideReader</name>
    <message>
        <source>Guide page</source>
        <translation>Ratgeber-Seite</translation>
    </message>
    <message>
        <source>The guide page chosen in the contents</source>
        <translation>Die im Inhalt gewählte Ratgeber-Seite</translation>
    </message>
</context>
<context>
    <name>GuideTab</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to the page you came from</source>
        <translation>Zurück zur vorigen Seite</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Im Ratgeber suchen</translation>
    </message>
    <message>
        <source>Type words to find; the contents list the pages that have them</source>
        <translation>Suchwörter eingeben; der Inhalt zeigt die Seiten, auf denen sie vorkommen</translation>
    </message>
    <message>
        <source>Search the guide (Ctrl+F)</source>
        <translation>Im Ratgeber suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Smaller text in the guide</source>
        <translation>Kleinere Schrift im Ratgeber</translation>
    </message>
    <message>
        <source>Larger text in the guide</source>
        <translation>Größere Schrift im Ratgeber</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken …</translation>
    </message>
    <message>
        <source>Print the whole guide</source>
        <translation>Den ganzen Ratgeber drucken</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF …</translation>
    </message>
    <message>
        <source>Save the whole guide as a PDF file</source>
        <translation>Den ganzen Ratgeber als PDF-Datei speichern</translation>
    </message>
    <message>
        <source>The guide is in English for now.</source>
        <translation>Der Ratgeber ist vorerst nur auf Englisch.</translation>
    </message>
    <message>
        <source>Back to the page you came from ({key})</source>
        <translation>Zurück zur vorigen Seite ({key})</translation>
    </message>
    <message>
        <source>There is no page “{slug}” in this guide.</source>
        <translation>In diesem Ratgeber gibt es keine Seite „{slug}“.</translation>
    </message>
    <message numerus="yes">
        <source>Found on %n page(s)</source>
        <translation>
            <numerusform>Auf %n Seite gefunden</numerusform>
            <numerusform>Auf %n Seiten gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Print the guide</source>
        <translation>Ratgeber drucken</translation>
    </message>
    <message>
        <source>Save the guide as PDF</source>
        <translation>Ratgeber als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>{path} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>Saved the guide as {path}</source>
        <translation>Ratgeber gespeichert als {path}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Type a time like 03:05 or 21:40:15, or a date and time like 2026-11-24 03:05.</source>
        <translation>Geben Sie eine Uhrzeit wie 03:05 oder 21:40:15 ein, oder Datum und Uhrzeit wie 2026-11-24 03:05.</translation>
    </message>
</context>
<context>
    <name>HistoryAddDialog</name>
    <message>
        <source>A movement joins the episode it falls in (or starts one if none is near).</source>
        <translation>Eine Bewegung gehört zu der Episode, in die sie fällt (oder beginnt eine, wenn keine in der Nähe ist).</translation>
    </message>
    <message>
        <source>An episode from its start to its end, with about how many movements you remember; they are spread evenly. You can describe it next.</source>
        <translation>Eine Episode von Anfang bis Ende, mit ungefähr so vielen Bewegungen, wie Sie erinnern; sie werden gleichmäßig verteilt. Danach können Sie sie beschreiben.</translation>
    </message>
    <message>
        <source>From when the baby fell asleep to when it woke (leave Awake empty if unsure).</source>
        <translation>Vom Einschlafen bis zum Aufwachen (Wach leer lassen, wenn unsicher).</translation>
    </message>
    <message>
        <source>Add something you did not log</source>
        <translation>Nachtragen, was nicht protokolliert wurde</translation>
    </message>
    <message>
        <source>A movement</source>
        <translation>Eine Bewegung</translation>
    </message>
    <message>
        <source>Add one movement you did not tap</source>
        <translation>Eine Bewegung nachtragen, die Sie nicht getippt haben</translation>
    </message>
    <message>
        <source>An episode</source>
        <translation>Eine Episode</translation>
    </message>
    <message>
        <source>Add a whole episode of movements</source>
        <translation>Eine ganze Episode mit Bewegungen nachtragen</translation>
    </message>
    <message>
        <source>A sleep period</source>
        <translation>Eine Schlafphase</translation>
    </message>
    <message>
        <source>Add when the baby slept</source>
        <translation>Nachtragen, wann das Baby geschlafen hat</translation>
    </message>
    <message>
        <source>What the movement looked like</source>
        <translation>Wie die Bewegung aussah</translation>
    </message>
    <message>
        <source>same as the start</source>
        <translation>wie der Beginn</translation>
    </message>
    <message>
        <source>Your best guess is fine; the movements are spread evenly.</source>
        <translation>Eine Schätzung genügt; die Bewegungen werden gleichmäßig verteilt.</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>nicht markiert</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>About how many movements</source>
        <translation>Ungefähr wie viele Bewegungen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Awake</source>
        <translation>Wach</translation>
    </message>
    <message>
        <source>A bare time like 02:40 belongs to the night of {date}.</source>
        <translation>Eine Uhrzeit allein wie 02:40 gehört zur Nacht vom {date}.</translation>
    </message>
    <message>
        <source>Type the date and time, like 2026-11-24 02:40.</source>
        <translation>Geben Sie Datum und Uhrzeit ein, wie 2026-11-24 02:40.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Asleep</source>
        <translation>Eingeschlafen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>The end comes before the start. Check both times.</source>
        <translation>Das Ende liegt vor dem Beginn. Bitte beide Zeiten prüfen.</translation>
    </message>
    <message>
        <source>That is longer than {hours} hours. Add it as separate episodes, or check the dates.</source>
        <translation>Das ist länger als {hours} Stunden. Tragen Sie es als einzelne Episoden ein oder prüfen Sie die Daten.</translation>
    </message>
</context>
<context>
    <name>HistoryEditor</name>
    <message>
        <source>Not saved. {reason}</source>
        <translation>Nicht gespeichert. {reason}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>HistoryEpisodeEditor</name>
    <message>
        <source>not marked</source>
        <translation>nicht markiert</translation>
    </message>
    <message>
        <source>When the baby settled. Leave empty if you did not mark it.</source>
        <translation>Wann sich das Baby beruhigt hat. Leer lassen, wenn Sie es nicht markiert haben.</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Beruhigt</translation>
    </message>
    <message>
        <source>Settled must not be before the episode&apos;s first movement.</source>
        <translation>Beruhigt darf nicht vor der ersten Bewegung der Episode liegen.</translation>
    </message>
</context>
<context>
    <name>HistoryFilterBar</name>
    <message>
        <source>Whose nights to list (follows the child picked in the Log tab)</source>
        <translation>Wessen Nächte aufgelistet werden (folgt dem im Protokoll gewählten Kind)</translation>
    </message>
    <message>
        <source>From night</source>
        <translation>Von Nacht</translation>
    </message>
    <message>
        <source>To night</source>
        <translation>Bis Nacht</translation>
    </message>
    <message>
        <source>The first night listed (nights are named by their evening)</source>
        <translation>Die erste aufgelistete Nacht (Nächte heißen nach ihrem Abend)</translation>
    </message>
    <message>
        <source>The last night listed</source>
        <translation>Die letzte aufgelistete Nacht</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Nights from</source>
        <translation>Nächte von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Nacht</translation>
    </message>
    <message>
        <source>{hours} h asleep</source>
        <translation>{hours} h Schlaf</translation>
    </message>
    <message>
        <source>Episode</source>
        <translation>Episode</translation>
    </message>
    <message>
        <source>no movements left</source>
        <translation>keine Bewegungen mehr</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>beruhigt</translation>
    </message>
    <message>
        <source>video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Asleep</source>
        <translation>Schlaf</translation>
    </message>
    <message>
        <source>no Awake mark yet</source>
        <translation>noch keine Aufgewacht-Markierung</translation>
    </message>
</context>
<context>
    <name>HistoryMovementEditor</name>
    <message>
        <source>Movement</source>
        <translation>Bewegung</translation>
    </message>
    <message>
        <source>A bare time stays in the same night.</source>
        <translation>Eine Uhrzeit allein bleibt in derselben Nacht.</translation>
    </message>
    <message>
        <source>What the movement looked like</source>
        <translation>Wie die Bewegung aussah</translation>
    </message>
    <message>
        <source>A note about this movement</source>
        <translation>Eine Notiz zu dieser Bewegung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Changes are saved as you make them. Escape goes back to the list.</source>
        <translation>Änderungen werden sofort gespeichert. Escape führt zurück zur Liste.</translation>
    </message>
    <message>
        <source>Movement at {time}</source>
        <translation>Bewegung um {time}</translation>
    </message>
    <message>
        <source>Saved: {kind} at {time}.</source>
        <translation>Gespeichert: {kind} um {time}.</translation>
    </message>
</context>
<context>
    <name>HistorySleepEditor</name>
    <message>
        <source>Asleep</source>
        <translation>Eingeschlafen</translation>
    </message>
    <message>
        <source>When the baby fell asleep.</source>
        <translation>Wann das Baby eingeschlafen ist.</translation>
    </message>
    <message>
        <source>still asleep (no Awake mark)</source>
        <translation>schläft noch (keine Aufgewacht-Markierung)</translation>
    </message>
    <message>
        <source>When the baby woke. Leave empty if not marked.</source>
        <translation>Wann das Baby aufgewacht ist. Leer lassen, wenn nicht markiert.</translation>
    </message>
    <message>
        <source>Awake</source>
        <translation>Wach</translation>
    </message>
    <message>
        <source>A bare time like 23:40 stays in this night. Changes are saved as you make them. Escape goes back to the list.</source>
        <translation>Eine Uhrzeit allein wie 23:40 bleibt in dieser Nacht. Änderungen werden sofort gespeichert. Escape führt zurück zur Liste.</translation>
    </message>
    <message>
        <source>Asleep {time}</source>
        <translation>Geschlafen ab {time}</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Pick a row to change it.

Enter: edit the row
Delete: delete it (you can undo)
Insert: add something you did not log at the time
Escape: back to the list</source>
        <translation>Wählen Sie eine Zeile, um sie zu ändern.

Enter: Zeile bearbeiten
Entf: löschen (rückgängig möglich)
Einfg: nachtragen, was nicht protokolliert wurde
Escape: zurück zur Liste</translation>
    </message>
    <message>
        <source>Pick a row to see it.

Another copy of rlbaby is logging to this folder, so nothing can be changed here. Make changes in that copy; this list follows it.</source>
        <translation>Wählen Sie eine Zeile, um sie anzusehen.

Ein anderes rlbaby-Fenster protokolliert in diesen Ordner, daher lässt sich hier nichts ändern. Ändern Sie es dort; diese Liste folgt ihm.</translation>
    </message>
    <message>
        <source>the movement at {time}</source>
        <translation>die Bewegung um {time}</translation>
    </message>
    <message>
        <source>the {kind} movement at {time}</source>
        <translation>die Bewegung ({kind}) um {time}</translation>
    </message>
    <message>
        <source>the episode at {time} with its movements</source>
        <translation>die Episode um {time} mit ihren Bewegungen</translation>
    </message>
    <message>
        <source>the sleep period from {time}</source>
        <translation>die Schlafphase ab {time}</translation>
    </message>
    <message>
        <source>Add forgotten…</source>
        <translation>Nachtragen …</translation>
    </message>
    <message>
        <source>Add a movement, an episode or a sleep period you did not log at the time (Insert)</source>
        <translation>Eine Bewegung, Episode oder Schlafphase nachtragen, die nicht gleich protokolliert wurde (Einfg)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected row (Delete). You can undo it.</source>
        <translation>Die gewählte Zeile löschen (Entf). Rückgängig möglich.</translation>
    </message>
    <message>
        <source> Read-only: another copy of rlbaby is writing.</source>
        <translation> Nur ansehen: ein anderes rlbaby-Fenster schreibt.</translation>
    </message>
    <message>
        <source>Add a child in the Log tab to start a log.</source>
        <translation>Legen Sie im Protokoll ein Kind an, um zu beginnen.</translation>
    </message>
    <message>
        <source>Nothing logged for {name} from {first} to {last}.</source>
        <translation>Für {name} vom {first} bis {last} nichts protokolliert.</translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) with a log for {name}, {first} to {last}. Times are the local time of each record.</source>
        <translation>
            <numerusform>%n Nacht mit Protokoll für {name}, {first} bis {last}. Zeiten sind die Ortszeit des jeweiligen Eintrags.</numerusform>
            <numerusform>%n Nächte mit Protokoll für {name}, {first} bis {last}. Zeiten sind die Ortszeit des jeweiligen Eintrags.</numerusform>
        </translation>
    </message>
    <message>
        <source>, {hours} h asleep</source>
        <translation>, {hours} h Schlaf</translation>
    </message>
    <message>
        <source>, no sleep marks</source>
        <translation>, keine Schlafmarkierungen</translation>
    </message>
    <message>
        <source>Night of {date}: {movements} in {episodes}</source>
        <translation>Nacht vom {date}: {movements} in {episodes}</translation>
    </message>
    <message>
        <source>You noted a red flag ({flags}). If it is happening now, seek medical help now: call a doctor urgently, or your local emergency number ({number}). The Guide&apos;s urgent-signs page says more.</source>
        <translation>Sie haben ein Warnzeichen notiert ({flags}). Wenn es gerade geschieht, holen Sie jetzt ärztliche Hilfe: Rufen Sie dringend eine Ärztin oder einen Arzt an oder den örtlichen Notruf ({number}). Mehr auf der Ratgeber-Seite zu dringenden Anzeichen.</translation>
    </message>
    <message>
        <source>Pick a movement, an episode or a sleep period to delete it.</source>
        <translation>Wählen Sie eine Bewegung, Episode oder Schlafphase, um sie zu löschen.</translation>
    </message>
    <message>
        <source>Not deleted. {reason}</source>
        <translation>Nicht gelöscht. {reason}</translation>
    </message>
    <message>
        <source>Deleted {what}.</source>
        <translation>Gelöscht: {what}.</translation>
    </message>
    <message>
        <source>Something else changed since; use Edit ▸ Undo step by step.</source>
        <translation>Seitdem hat sich etwas anderes geändert; nutzen Sie Bearbeiten ▸ Rückgängig Schritt für Schritt.</translation>
    </message>
    <message>
        <source>Could not undo. {reason}</source>
        <translation>Konnte nicht rückgängig machen. {reason}</translation>
    </message>
    <message>
        <source>Brought back.</source>
        <translation>Wiederhergestellt.</translation>
    </message>
    <message>
        <source>Add a child in the Log tab first.</source>
        <translation>Legen Sie zuerst im Protokoll ein Kind an.</translation>
    </message>
    <message>
        <source>Added a sleep period from {time}.</source>
        <translation>Schlafphase ab {time} hinzugefügt.</translation>
    </message>
    <message numerus="yes">
        <source>Added an episode at {time} with %n movement(s). Describe it on the right.</source>
        <translation>
            <numerusform>Episode um {time} mit %n Bewegung hinzugefügt. Beschreiben Sie sie rechts.</numerusform>
            <numerusform>Episode um {time} mit %n Bewegungen hinzugefügt. Beschreiben Sie sie rechts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Added a movement at {time}.</source>
        <translation>Bewegung um {time} hinzugefügt.</translation>
    </message>
    <message>
        <source>Added a {kind} at {time}.</source>
        <translation>{kind} um {time} hinzugefügt.</translation>
    </message>
    <message>
        <source>Not saved. {reason}</source>
        <translation>Nicht gespeichert. {reason}</translation>
    </message>
</context>
<context>
    <name>HistoryTree</name>
    <message>
        <source>Nights</source>
        <translation>Nächte</translation>
    </message>
    <message>
        <source>Each night with its episodes, movements and sleep. Enter edits, Delete deletes.</source>
        <translation>Jede Nacht mit ihren Episoden, Bewegungen und Schlafzeiten. Eingabetaste bearbeitet, Entf löscht.</translation>
    </message>
</context>
<context>
    <name>HistoryUndoBar</name>
    <message>
        <source>Undo  (Ctrl+Z)</source>
        <translation>Rückgängig  (Strg+Z)</translation>
    </message>
    <message>
        <source>Bring back what was just deleted</source>
        <translation>Gerade Gelöschtes zurückholen</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>children</source>
        <translation>Kinder</translation>
    </message>
    <message>
        <source>episodes</source>
        <translation>Episoden</translation>
    </message>
    <message>
        <source>movements</source>
        <translation>Bewegungen</translation>
    </message>
    <message>
        <source>sleep periods</source>
        <translation>Schlafphasen</translation>
    </message>
    <message>
        <source>on {day}</source>
        <translation>am {day}</translation>
    </message>
    <message>
        <source>from {first} to {last}</source>
        <translation>vom {first} bis {last}</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>{name} importieren</translation>
    </message>
    <message>
        <source>What importing {name} would do</source>
        <translation>Was der Import von {name} bewirken würde</translation>
    </message>
    <message>
        <source>What the import adds</source>
        <translation>Was der Import hinzufügt</translation>
    </message>
    <message>
        <source>New and updated records of each kind</source>
        <translation>Neue und geänderte Einträge jeder Art</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Importing is all or nothing: if anything goes wrong, nothing is added. Records already here are recognised and not added twice.</source>
        <translation>Der Import gilt ganz oder gar nicht: Geht etwas schief, wird nichts hinzugefügt. Vorhandene Einträge werden erkannt und nicht doppelt hinzugefügt.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Everything in this file is already here: nothing to add.</source>
        <translation>Alles in dieser Datei ist schon vorhanden: nichts hinzuzufügen.</translation>
    </message>
    <message>
        <source>The records are {span}.</source>
        <translation>Die Einträge sind {span}.</translation>
    </message>
    <message>
        <source>New children: {names}.</source>
        <translation>Neue Kinder: {names}.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) already here and staying as they are.</source>
        <translation>
            <numerusform>%n Eintrag ist schon vorhanden und bleibt, wie er ist.</numerusform>
            <numerusform>%n Einträge sind schon vorhanden und bleiben, wie sie sind.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with values that differ from what is here. A CSV row carries no time of change, so what is here is kept; only empty details are filled in.</source>
        <translation>
            <numerusform>%n Zeile mit Werten, die vom Vorhandenen abweichen. Eine CSV-Zeile hat keinen Änderungszeitpunkt, daher bleibt das Vorhandene; nur leere Angaben werden ergänzt.</numerusform>
            <numerusform>%n Zeilen mit Werten, die vom Vorhandenen abweichen. Eine CSV-Zeile hat keinen Änderungszeitpunkt, daher bleibt das Vorhandene; nur leere Angaben werden ergänzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>rlbaby exports (*.csv *.zip *.json);;All files (*)</source>
        <translation>rlbaby-Exporte (*.csv *.zip *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Nothing was imported. {reason}</source>
        <translation>Nichts wurde importiert. {reason}</translation>
    </message>
</context>
<context>
    <name>IntervalChart</name>
    <message>
        <source>No gaps to show yet: this needs at least two movements in one episode. Tap each movement on the Log tab as you see it.</source>
        <translation>Noch keine Abstände: Dafür braucht es mindestens zwei Bewegungen in einer Episode. Tippen Sie im Protokoll jede Bewegung, sobald Sie sie sehen.</translation>
    </message>
    <message>
        <source>Time between one movement and the next (same episode)</source>
        <translation>Zeit zwischen einer Bewegung und der nächsten (gleiche Episode)</translation>
    </message>
    <message>
        <source>Number of gaps</source>
        <translation>Anzahl Abstände</translation>
    </message>
    <message>
        <source>under 10 s
{share} of gaps</source>
        <translation>unter 10 s
{share} der Abstände</translation>
    </message>
    <message>
        <source>periodic range
{lo}-{hi} s
{share} of gaps</source>
        <translation>periodischer Bereich
{lo}–{hi} s
{share} der Abstände</translation>
    </message>
    <message>
        <source>Gaps between movements within episodes</source>
        <translation>Abstände zwischen Bewegungen innerhalb von Episoden</translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation>
            <numerusform>%n Abstand</numerusform>
            <numerusform>%n Abstände</numerusform>
        </translation>
    </message>
    <message>
        <source>Gaps of {lo} to {hi}: {n} ({share} of all gaps)</source>
        <translation>Abstände von {lo} bis {hi}: {n} ({share} aller Abstände)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>unspecified</source>
        <translation>ohne Angabe</translation>
    </message>
    <message>
        <source>kick</source>
        <translation>Strampeln</translation>
    </message>
    <message>
        <source>jerk / twitch</source>
        <translation>Zucken</translation>
    </message>
    <message>
        <source>stretch</source>
        <translation>Strecken</translation>
    </message>
    <message>
        <source>stiffening</source>
        <translation>Versteifen</translation>
    </message>
    <message>
        <source>asleep</source>
        <translation>schlafend</translation>
    </message>
    <message>
        <source>drowsy</source>
        <translation>schläfrig</translation>
    </message>
    <message>
        <source>awake</source>
        <translation>wach</translation>
    </message>
    <message>
        <source>rocking</source>
        <translation>Wiegen</translation>
    </message>
    <message>
        <source>feeding</source>
        <translation>Füttern</translation>
    </message>
    <message>
        <source>diaper change</source>
        <translation>Windelwechsel</translation>
    </message>
    <message>
        <source>loosened clothing or swaddle</source>
        <translation>Kleidung/Pucksack gelockert</translation>
    </message>
    <message>
        <source>adjusted room temperature</source>
        <translation>Raumtemperatur angepasst</translation>
    </message>
    <message>
        <source>leg massage</source>
        <translation>Beinmassage</translation>
    </message>
    <message>
        <source>white noise</source>
        <translation>weißes Rauschen</translation>
    </message>
    <message>
        <source>gently holding the legs</source>
        <translation>Beine sanft halten</translation>
    </message>
    <message>
        <source>settled within 5 minutes</source>
        <translation>in 5 Minuten beruhigt</translation>
    </message>
    <message>
        <source>settled slowly</source>
        <translation>langsam beruhigt</translation>
    </message>
    <message>
        <source>did not settle</source>
        <translation>nicht beruhigt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>nicht versucht</translation>
    </message>
    <message>
        <source>inconsolable crying</source>
        <translation>untröstliches Weinen</translation>
    </message>
    <message>
        <source>feeding difficulty</source>
        <translation>Trinkprobleme</translation>
    </message>
    <message>
        <source>stiffness</source>
        <translation>Steifheit</translation>
    </message>
    <message>
        <source>twitching spasms</source>
        <translation>zuckende Krämpfe</translation>
    </message>
    <message>
        <source>eyes rolling or fixed</source>
        <translation>Augen verdreht oder starr</translation>
    </message>
    <message>
        <source>color change</source>
        <translation>Farbveränderung</translation>
    </message>
    <message>
        <source>breathing pauses</source>
        <translation>Atempausen</translation>
    </message>
    <message>
        <source>the same jerking also happens awake</source>
        <translation>dasselbe Zucken auch wach</translation>
    </message>
    <message>
        <source>hunger</source>
        <translation>Hunger</translation>
    </message>
    <message>
        <source>wet or soiled diaper</source>
        <translation>nasse oder volle Windel</translation>
    </message>
    <message>
        <source>tight clothing or swaddle</source>
        <translation>enge Kleidung/Pucksack</translation>
    </message>
    <message>
        <source>too warm</source>
        <translation>zu warm</translation>
    </message>
    <message>
        <source>too cold</source>
        <translation>zu kalt</translation>
    </message>
    <message>
        <source>overstimulation</source>
        <translation>Reizüberflutung</translation>
    </message>
    <message>
        <source>unwell</source>
        <translation>krank</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>did not stop when woken</source>
        <translation>hörte beim Wecken nicht auf</translation>
    </message>
    <message>
        <source>stiffening or spasms</source>
        <translation>Versteifen oder Krämpfe</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <source>Mark when the baby falls asleep and wakes (S)</source>
        <translation>Markieren, wann das Baby einschläft und aufwacht (S)</translation>
    </message>
    <message>
        <source>Within 5 s of a tap: that tap was a {kind}. Later: log a new {kind}. Key {key}.</source>
        <translation>Bis 5 s nach einem Tippen: Dieses Tippen war {kind}. Später: neu als {kind} erfassen. Taste {key}.</translation>
    </message>
    <message>
        <source>Undo  (Ctrl+Z)</source>
        <translation>Rückgängig  (Strg+Z)</translation>
    </message>
    <message>
        <source>Take back the last change, such as that tap (redo: Ctrl+Shift+Z)</source>
        <translation>Die letzte Änderung zurücknehmen, etwa dieses Tippen (wiederholen: Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source> · last movement {ago} ago</source>
        <translation> · letzte Bewegung vor {ago}</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur ansehen</translation>
    </message>
    <message>
        <source>nothing is logged here</source>
        <translation>hier wird nichts protokolliert</translation>
    </message>
    <message>
        <source>last movement {ago} ago</source>
        <translation>letzte Bewegung vor {ago}</translation>
    </message>
    <message>
        <source>No episode open</source>
        <translation>Keine Episode offen</translation>
    </message>
    <message>
        <source>Tap</source>
        <translation>Tippen</translation>
    </message>
    <message numerus="yes">
        <source>movement(s) this episode · last {ago} ago</source>
        <translation>
            <numerusform>Bewegung in dieser Episode · letzte vor {ago}</numerusform>
            <numerusform>Bewegungen in dieser Episode · letzte vor {ago}</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: another copy of rlbaby is logging to this folder</source>
        <translation>Nur ansehen: Ein anderes rlbaby-Fenster protokolliert in diesen Ordner</translation>
    </message>
    <message>
        <source>Log in the other copy of rlbaby</source>
        <translation>Protokollieren Sie im anderen rlbaby-Fenster</translation>
    </message>
    <message>
        <source>Not saved. {reason}</source>
        <translation>Nicht gespeichert. {reason}</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Gespeichert {time}</translation>
    </message>
    <message>
        <source>. Logging for “{name}”: press Edit to give your baby&apos;s name.</source>
        <translation>. Protokoll für „{name}“: Mit Bearbeiten geben Sie den Namen Ihres Babys ein.</translation>
    </message>
    <message>
        <source>Last tap marked as {kind} at {time}</source>
        <translation>Letztes Tippen als {kind} markiert, {time}</translation>
    </message>
    <message>
        <source>Logged a {kind} at {time}</source>
        <translation>{kind} erfasst, {time}</translation>
    </message>
    <message>
        <source>No episode is open.</source>
        <translation>Keine Episode ist offen.</translation>
    </message>
    <message>
        <source>Episode settled at {time}. Add details if you like.</source>
        <translation>Episode um {time} beruhigt. Fügen Sie gern Details hinzu.</translation>
    </message>
    <message>
        <source>No episode to describe yet.</source>
        <translation>Noch keine Episode zum Beschreiben.</translation>
    </message>
    <message>
        <source>Asleep mark of {time} cancelled (S pressed twice).</source>
        <translation>Eingeschlafen-Markierung von {time} zurückgenommen (S zweimal gedrückt).</translation>
    </message>
    <message>
        <source>Awake at {time}</source>
        <translation>Wach um {time}</translation>
    </message>
    <message>
        <source>Asleep at {time}</source>
        <translation>Eingeschlafen um {time}</translation>
    </message>
    <message>
        <source>Asleep since {time} · S = awake</source>
        <translation>Schläft seit {time} · S = wach</translation>
    </message>
    <message>
        <source>Awake · S = asleep</source>
        <translation>Wach · S = schläft</translation>
    </message>
    <message>
        <source>Could not undo. {reason}</source>
        <translation>Konnte nicht rückgängig machen. {reason}</translation>
    </message>
    <message>
        <source>Undone: {change}</source>
        <translation>Rückgängig: {change}</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Could not redo. {reason}</source>
        <translation>Konnte nicht wiederholen. {reason}</translation>
    </message>
    <message>
        <source>Redone: {change}</source>
        <translation>Wiederholt: {change}</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>Nichts zu wiederholen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> (read-only: another copy is writing)</source>
        <translation> (nur ansehen: ein anderes Fenster schreibt)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Add child…</source>
        <translation>Kind hinzufügen …</translation>
    </message>
    <message>
        <source>Edit child…</source>
        <translation>Kind bearbeiten …</translation>
    </message>
    <message>
        <source>Report for the doctor…</source>
        <translation>Bericht für die Praxis …</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Backup now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Sicherung wiederherstellen …</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Night theme</source>
        <translation>Nachtmodus</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Größere Schrift</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Kleinere Schrift</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About rlbaby</source>
        <translation>Über rlbaby</translation>
    </message>
    <message>
        <source>Report saved as {path}</source>
        <translation>Bericht gespeichert als {path}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportiert nach {path}</translation>
    </message>
    <message>
        <source>The backup could not be written. {reason}</source>
        <translation>Die Sicherung konnte nicht geschrieben werden. {reason}</translation>
    </message>
    <message>
        <source>Backup saved: {name}</source>
        <translation>Sicherung gespeichert: {name}</translation>
    </message>
    <message>
        <source>This log is not kept in a folder, so it has no backups.</source>
        <translation>Dieses Protokoll liegt in keinem Ordner und hat daher keine Sicherungen.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Go back to your log as it was on {when}?

Your log as it is now is backed up first. rlbaby then reopens with the restored log.</source>
        <translation>Zum Protokoll vom {when} zurückkehren?

Ihr jetziges Protokoll wird vorher gesichert. Danach öffnet rlbaby das wiederhergestellte Protokoll.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>rlbaby helps you note your baby&apos;s night-time leg movements and talk about them with your doctor. It does not diagnose anything.</source>
        <translation>rlbaby hilft Ihnen, die nächtlichen Beinbewegungen Ihres Babys zu notieren und mit Ihrer Ärztin oder Ihrem Arzt darüber zu sprechen. Es stellt keine Diagnose.</translation>
    </message>
    <message>
        <source>The guide and the PDF report are in English for now.</source>
        <translation>Der Ratgeber und der PDF-Bericht sind vorerst nur auf Englisch.</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Ratgeber</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>NightMapChart</name>
    <message>
        <source>No movements logged in this range yet. Tap on the Log tab when you see a movement, and the busy times of night will show here.</source>
        <translation>In diesem Zeitraum sind noch keine Bewegungen protokolliert. Tippen Sie im Protokoll, wenn Sie eine Bewegung sehen; die unruhigen Zeiten der Nacht erscheinen dann hier.</translation>
    </message>
    <message>
        <source>Time of night</source>
        <translation>Uhrzeit in der Nacht</translation>
    </message>
    <message>
        <source>Each row is one night ({nights}); each cell is {minutes} minutes</source>
        <translation>Jede Zeile ist eine Nacht ({nights}); jedes Feld sind {minutes} Minuten</translation>
    </message>
    <message>
        <source>Color: no movements {cells} {movements} in {minutes} minutes (the busiest in this range)</source>
        <translation>Farbe: keine Bewegungen {cells} {movements} in {minutes} Minuten (das Maximum in diesem Zeitraum)</translation>
    </message>
    <message>
        <source>Night of {date}, {start} to {end}: {movements}</source>
        <translation>Nacht vom {date}, {start} bis {end}: {movements}</translation>
    </message>
</context>
<context>
    <name>NightStepper</name>
    <message>
        <source>◀ Earlier night</source>
        <translation>◀ Nacht davor</translation>
    </message>
    <message>
        <source>Show the night before</source>
        <translation>Die Nacht davor zeigen</translation>
    </message>
    <message>
        <source>Later night ▶</source>
        <translation>Nacht danach ▶</translation>
    </message>
    <message>
        <source>Show the night after</source>
        <translation>Die Nacht danach zeigen</translation>
    </message>
    <message>
        <source>Tonight</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Show the current night</source>
        <translation>Die aktuelle Nacht zeigen</translation>
    </message>
    <message>
        <source>The night that starts on this evening</source>
        <translation>Die Nacht, die an diesem Abend beginnt</translation>
    </message>
    <message>
        <source>Night of</source>
        <translation>Nacht vom</translation>
    </message>
</context>
<context>
    <name>PlainIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>{suffix} file</source>
        <translation>{suffix}-Datei</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n Kind</numerusform>
            <numerusform>%n Kinder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n movement(s)</source>
        <translation>
            <numerusform>%n Bewegung</numerusform>
            <numerusform>%n Bewegungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n episode(s)</source>
        <translation>
            <numerusform>%n Episode</numerusform>
            <numerusform>%n Episoden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sleep period(s)</source>
        <translation>
            <numerusform>%n Schlafphase</numerusform>
            <numerusform>%n Schlafphasen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s)</source>
        <translation>
            <numerusform>%n Nacht</numerusform>
            <numerusform>%n Nächte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation>
            <numerusform>%n Abstand</numerusform>
            <numerusform>%n Abstände</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Read-only: another copy of rlbaby is logging to this folder. You can look, but not log. This view follows the other copy.</source>
        <translation>Nur ansehen: Ein anderes rlbaby-Fenster protokolliert in diesen Ordner. Sie können schauen, aber nicht protokollieren. Diese Ansicht folgt dem anderen Fenster.</translation>
    </message>
    <message>
        <source>Read-only: the other copy closed. Nothing more will change here. Reopen to log?</source>
        <translation>Nur ansehen: Das andere Fenster wurde geschlossen. Hier ändert sich nichts mehr. Zum Protokollieren neu öffnen?</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur ansehen</translation>
    </message>
    <message>
        <source>Reopen to log</source>
        <translation>Zum Protokollieren öffnen</translation>
    </message>
    <message>
        <source>Close this read-only view and open the folder for logging</source>
        <translation>Diese Ansicht schließen und den Ordner zum Protokollieren öffnen</translation>
    </message>
</context>
<context>
    <name>ReadOnlyMode</name>
    <message>
        <source>Read-only: another copy of rlbaby is logging to this folder. Nothing was saved.</source>
        <translation>Nur ansehen: Ein anderes rlbaby-Fenster protokolliert in diesen Ordner. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Could not re-read the folder. {reason}</source>
        <translation>Der Ordner konnte nicht neu gelesen werden. {reason}</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>Report for the doctor</source>
        <translation>Bericht für die Praxis</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>First night</source>
        <translation>Erste Nacht</translation>
    </message>
    <message>
        <source>Last night</source>
        <translation>Letzte Nacht</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Speichern als</translation>
    </message>
    <message>
        <source>Whose nights the report is about</source>
        <translation>Um wessen Nächte es im Bericht geht</translation>
    </message>
    <message>
        <source>The first night in the report</source>
        <translation>Die erste Nacht im Bericht</translation>
    </message>
    <message>
        <source>The last night in the report</source>
        <translation>Die letzte Nacht im Bericht</translation>
    </message>
    <message>
        <source>The paper size of the PDF</source>
        <translation>Das Papierformat der PDF-Datei</translation>
    </message>
    <message>
        <source>The PDF file the report is saved to</source>
        <translation>Die PDF-Datei, in der der Bericht gespeichert wird</translation>
    </message>
    <message>
        <source>Choose the folder and name of the PDF</source>
        <translation>Ordner und Namen der PDF-Datei wählen</translation>
    </message>
    <message>
        <source>A night is named by its evening. The report is a parent&apos;s log to talk through with the doctor, not a diagnosis. At least 7 nights make the patterns worth reading.</source>
        <translation>Eine Nacht heißt nach ihrem Abend. Der Bericht ist das Protokoll von Eltern, um es mit der Ärztin oder dem Arzt zu besprechen, keine Diagnose. Ab 7 Nächten lohnt es sich, die Muster zu lesen.</translation>
    </message>
    <message>
        <source>The report is in English for now.</source>
        <translation>Der Bericht ist vorerst nur auf Englisch.</translation>
    </message>
    <message>
        <source>Make report</source>
        <translation>Bericht erstellen</translation>
    </message>
    <message>
        <source>The first night is after the last night.</source>
        <translation>Die erste Nacht liegt nach der letzten Nacht.</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>Wählen Sie, wo der Bericht gespeichert wird.</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Bericht speichern als</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Add a child first: a report is about one child&apos;s nights.</source>
        <translation>Legen Sie zuerst ein Kind an: Ein Bericht gilt den Nächten eines Kindes.</translation>
    </message>
    <message>
        <source>The report could not be made. {reason}</source>
        <translation>Der Bericht konnte nicht erstellt werden. {reason}</translation>
    </message>
    <message>
        <source>Report ready</source>
        <translation>Bericht fertig</translation>
    </message>
    <message>
        <source>The report ({pages}) was saved as {path}.</source>
        <translation>Der Bericht ({pages}) wurde gespeichert als {path}.</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>saved before a restore</source>
        <translation>vor einer Wiederherstellung gesichert</translation>
    </message>
    <message>
        <source>chosen file</source>
        <translation>gewählte Datei</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Pick a backup to go back to. Your data as it is now is backed up first, so a restore can itself be undone by restoring that backup.</source>
        <translation>Wählen Sie eine Sicherung, zu der Sie zurückkehren möchten. Ihre jetzigen Daten werden vorher gesichert, sodass sich auch eine Wiederherstellung rückgängig machen lässt.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>One backup a row: when it was made, its kind and what it holds</source>
        <translation>Eine Sicherung pro Zeile: wann sie erstellt wurde, ihre Art und ihr Inhalt</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source> (dated in the future: the clock was wrong)</source>
        <translation> (Datum in der Zukunft: Die Uhr ging falsch)</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>Cannot be restored: the file is damaged</source>
        <translation>Nicht wiederherstellbar: Die Datei ist beschädigt</translation>
    </message>
    <message>
        <source>There are no backups yet. Use File &gt; Backup now to make one.</source>
        <translation>Noch keine Sicherungen. Mit Datei &gt; Jetzt sichern erstellen Sie eine.</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen …</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Datei wählen …</translation>
    </message>
    <message>
        <source>Restore a backup file</source>
        <translation>Sicherungsdatei wiederherstellen</translation>
    </message>
    <message>
        <source>rlbaby backups (*.zip)</source>
        <translation>rlbaby-Sicherungen (*.zip)</translation>
    </message>
    <message>
        <source>The restore was interrupted</source>
        <translation>Die Wiederherstellung wurde unterbrochen</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>Your log is back as it was on {when}.</source>
        <translation>Ihr Protokoll ist wieder so wie am {when}.</translation>
    </message>
    <message>
        <source>The data from just before the restore was saved as {name}.</source>
        <translation>Die Daten von kurz vor der Wiederherstellung wurden als {name} gesichert.</translation>
    </message>
    <message>
        <source>This backup cannot be restored</source>
        <translation>Diese Sicherung lässt sich nicht wiederherstellen</translation>
    </message>
    <message>
        <source>Nothing was changed: your data is exactly as it was.</source>
        <translation>Nichts wurde geändert: Ihre Daten sind genau wie vorher.</translation>
    </message>
</context>
<context>
    <name>SaveNotice</name>
    <message>
        <source>{what} saved to {path}</source>
        <translation>{what} gespeichert unter {path}</translation>
    </message>
    <message>
        <source>{what} not saved to {path}: {reason}. Try again, or choose another folder.</source>
        <translation>{what} nicht gespeichert unter {path}: {reason}. Versuchen Sie es erneut oder wählen Sie einen anderen Ordner.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Gaps of 10 to 90 seconds (sleep-research rule, WASM 2016)</source>
        <translation>Abstände von 10 bis 90 Sekunden (Regel der Schlafforschung, WASM 2016)</translation>
    </message>
    <message>
        <source>World Association of Sleep Medicine rule, WASM 2016: 10-90 s between movements</source>
        <translation>Regel der World Association of Sleep Medicine, WASM 2016: 10–90 s zwischen Bewegungen</translation>
    </message>
    <message>
        <source>Gaps of 5 to 90 seconds (sleep-lab rule, AASM)</source>
        <translation>Abstände von 5 bis 90 Sekunden (Schlaflabor-Regel, AASM)</translation>
    </message>
    <message>
        <source>American Academy of Sleep Medicine rule, AASM: 5-90 s between movements</source>
        <translation>Regel der American Academy of Sleep Medicine, AASM: 5–90 s zwischen Bewegungen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>A night runs from this hour to the same hour next day</source>
        <translation>Eine Nacht reicht von dieser Stunde bis zur selben Stunde am nächsten Tag</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>An episode closes by itself after this long without a tap</source>
        <translation>Eine Episode endet von selbst nach so langer Zeit ohne Tippen</translation>
    </message>
    <message>
        <source>Night theme during the hours below</source>
        <translation>Nachtmodus zu den Stunden unten</translation>
    </message>
    <message>
        <source>Always night theme</source>
        <translation>Immer Nachtmodus</translation>
    </message>
    <message>
        <source>Always day theme</source>
        <translation>Immer Tagmodus</translation>
    </message>
    <message>
        <source>Dim night colours by the clock, or always night, or always day</source>
        <translation>Gedämpfte Nachtfarben nach Uhrzeit, immer Nacht oder immer Tag</translation>
    </message>
    <message>
        <source>Which gaps between movements count toward a &apos;periodic run&apos; in the charts. A pattern in your taps, not a sleep-lab measurement.</source>
        <translation>Welche Abstände zwischen Bewegungen in den Diagrammen als „periodische Folge“ zählen. Ein Muster in Ihren Eingaben, keine Messung im Schlaflabor.</translation>
    </message>
    <message>
        <source>The size of all text, in percent</source>
        <translation>Die Größe aller Texte, in Prozent</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>System: the language of this computer, when rlbaby has it; else English</source>
        <translation>System: die Sprache dieses Computers, wenn rlbaby sie hat; sonst Englisch</translation>
    </message>
    <message>
        <source>Night starts at</source>
        <translation>Nacht beginnt um</translation>
    </message>
    <message>
        <source>Episode ends after no tap for</source>
        <translation>Episode endet ohne Tippen nach</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Night theme from</source>
        <translation>Nachtmodus ab</translation>
    </message>
    <message>
        <source>Night theme until</source>
        <translation>Nachtmodus bis</translation>
    </message>
    <message>
        <source>Periodic run rule</source>
        <translation>Regel für periodische Folgen</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The number the urgent notice, the guide and the report tell you to call (112 in Europe, 911 in North America, 999 in the UK). Empty: {number}, from this computer&apos;s country setting.</source>
        <translation>Die Nummer, die der dringende Hinweis, der Ratgeber und der Bericht zum Anrufen nennen (112 in Europa, 911 in Nordamerika, 999 in Großbritannien). Leer: {number}, aus der Ländereinstellung dieses Computers.</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation>Notrufnummer</translation>
    </message>
    <message>
        <source>Settings are kept in the data folder, so backups carry them.</source>
        <translation>Die Einstellungen liegen im Datenordner, daher sind sie in Sicherungen enthalten.</translation>
    </message>
    <message>
        <source>The guide and the PDF report are in English for now.</source>
        <translation>Der Ratgeber und der PDF-Bericht sind vorerst nur auf Englisch.</translation>
    </message>
    <message>
        <source>The language takes effect when rlbaby next starts.</source>
        <translation>Die Sprache gilt ab dem nächsten Start von rlbaby.</translation>
    </message>
    <message>
        <source>When the night theme starts and ends</source>
        <translation>Wann der Nachtmodus beginnt und endet</translation>
    </message>
    <message>
        <source>Used only with &quot;Night theme during the hours below&quot;</source>
        <translation>Nur bei „Nachtmodus zu den Stunden unten“</translation>
    </message>
    <message>
        <source>Not saved: {reason}.</source>
        <translation>Nicht gespeichert: {reason}.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>On the Log tab (single keys act only there):</source>
        <translation>Im Protokoll (einzelne Tasten wirken nur dort):</translation>
    </message>
    <message>
        <source>Log a movement now, wherever the focus is on the Log tab</source>
        <translation>Jetzt eine Bewegung erfassen, wo auch immer der Fokus im Protokoll ist</translation>
    </message>
    <message>
        <source>Log a movement now, on the tap target (a button reached with Tab takes Space itself; in the episode details it ticks the chip in focus)</source>
        <translation>Jetzt eine Bewegung erfassen, auf der Tippfläche (eine mit Tab erreichte Schaltfläche nimmt die Leertaste selbst; in den Episoden-Details wählt sie das markierte Feld)</translation>
    </message>
    <message>
        <source>Move through every control (Escape: back to the tap target)</source>
        <translation>Durch alle Bedienelemente wechseln (Escape: zurück zur Tippfläche)</translation>
    </message>
    <message>
        <source>Kick / jerk or twitch / stretch / stiffening: labels the tap of the last 5 s, or logs a new one</source>
        <translation>Strampeln / Zucken / Strecken / Versteifen: benennt das Tippen der letzten 5 s oder erfasst ein neues</translation>
    </message>
    <message>
        <source>The baby settled: end the episode</source>
        <translation>Das Baby hat sich beruhigt: Episode beenden</translation>
    </message>
    <message>
        <source>Open the episode details and move into them</source>
        <translation>Episoden-Details öffnen und hineinwechseln</translation>
    </message>
    <message>
        <source>Leave the episode details, back to the tap target</source>
        <translation>Episoden-Details verlassen, zurück zur Tippfläche</translation>
    </message>
    <message>
        <source>Asleep / awake</source>
        <translation>Schläft / wach</translation>
    </message>
    <message>
        <source>Switch to the next child</source>
        <translation>Zum nächsten Kind wechseln</translation>
    </message>
    <message>
        <source>Night / day theme</source>
        <translation>Nacht- / Tagmodus</translation>
    </message>
    <message>
        <source>Anywhere:</source>
        <translation>Überall:</translation>
    </message>
    <message>
        <source>Log for the first … ninth child</source>
        <translation>Für das erste … neunte Kind protokollieren</translation>
    </message>
    <message>
        <source>Edit the child being logged (name, birth date, health notes)</source>
        <translation>Das Kind bearbeiten, für das Sie protokollieren (Name, Geburtsdatum, Gesundheitsnotizen)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Log, Charts, Guide, History tabs</source>
        <translation>Protokoll, Diagramme, Ratgeber, Verlauf</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Im Ratgeber suchen</translation>
    </message>
    <message>
        <source>Larger / smaller text</source>
        <translation>Größere / kleinere Schrift</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Diese Liste</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>One key a row, and what it does</source>
        <translation>Eine Taste pro Zeile und was sie tut</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Was sie tut</translation>
    </message>
</context>
<context>
    <name>SoothingChart</name>
    <message>
        <source>you noted it helped (settled)</source>
        <translation>laut Ihnen hat es geholfen (beruhigt)</translation>
    </message>
    <message>
        <source>you noted it did not settle</source>
        <translation>laut Ihnen nicht beruhigt</translation>
    </message>
    <message>
        <source>no response noted</source>
        <translation>keine Reaktion notiert</translation>
    </message>
    <message>
        <source>An episode where you tried several things counts for each of them. This is what you noted, not a test of what works.</source>
        <translation>Eine Episode, in der Sie mehreres versucht haben, zählt bei jedem davon. Das ist, was Sie notiert haben, kein Test, was wirkt.</translation>
    </message>
    <message>
        <source>Nothing tried is noted in this range yet. After an episode, open its details on the Log tab (key A) and tick what you tried and how your baby responded.</source>
        <translation>In diesem Zeitraum ist noch nichts Versuchtes notiert. Öffnen Sie nach einer Episode deren Details im Protokoll (Taste A) und wählen Sie, was Sie versucht haben und wie Ihr Baby reagiert hat.</translation>
    </message>
    <message>
        <source>What you tried, and how often you noted it helped</source>
        <translation>Was Sie versucht haben und wie oft es laut Ihnen geholfen hat</translation>
    </message>
    <message>
        <source> {n} · helped {helped} of {noted}</source>
        <translation> {n} · half {helped} von {noted}</translation>
    </message>
    <message>
        <source> {n} · no response noted</source>
        <translation> {n} · keine Reaktion notiert</translation>
    </message>
    <message>
        <source>Something tried is noted for {n} of {episodes} in this range.</source>
        <translation>Bei {n} von {episodes} in diesem Zeitraum ist etwas Versuchtes notiert.</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>nicht versucht</translation>
    </message>
    <message>
        <source>tried in {episodes}</source>
        <translation>versucht in {episodes}</translation>
    </message>
    <message>
        <source>; no response noted</source>
        <translation>; keine Reaktion notiert</translation>
    </message>
    <message numerus="yes">
        <source>; you noted it helped in {helped} of the %n with a response noted</source>
        <translation>
            <numerusform>; laut Ihnen half es in {helped} von der einen mit notierter Reaktion</numerusform>
            <numerusform>; laut Ihnen half es in {helped} von den %n mit notierter Reaktion</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TapTarget</name>
    <message>
        <source>Tap</source>
        <translation>Tippen</translation>
    </message>
    <message>
        <source>Log a movement</source>
        <translation>Bewegung erfassen</translation>
    </message>
    <message>
        <source>Logs one movement now. Space, Enter or a click.</source>
        <translation>Erfasst jetzt eine Bewegung. Leertaste, Eingabetaste oder ein Klick.</translation>
    </message>
    <message>
        <source>Log one movement now (Space, Enter or click)</source>
        <translation>Jetzt eine Bewegung erfassen (Leertaste, Enter oder Klick)</translation>
    </message>
    <message>
        <source>Space or Enter: log a movement</source>
        <translation>Leertaste oder Enter: Bewegung erfassen</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>No movements logged on this night yet. Tap on the Log tab when you see a movement.</source>
        <translation>In dieser Nacht ist noch keine Bewegung protokolliert. Tippen Sie im Protokoll, wenn Sie eine Bewegung sehen.</translation>
    </message>
    <message>
        <source>Time of night</source>
        <translation>Uhrzeit in der Nacht</translation>
    </message>
    <message>
        <source>movements</source>
        <translation>Bewegungen</translation>
    </message>
    <message>
        <source>asleep</source>
        <translation>Schlaf</translation>
    </message>
    <message>
        <source>Night of {date}</source>
        <translation>Nacht vom {date}</translation>
    </message>
    <message>
        <source>{movements} in {episodes}</source>
        <translation>{movements} in {episodes}</translation>
    </message>
    <message>
        <source>{duration} asleep logged</source>
        <translation>{duration} Schlaf protokolliert</translation>
    </message>
    <message>
        <source>episode</source>
        <translation>Episode</translation>
    </message>
    <message>
        <source>Asleep {start} to {end} ({duration})</source>
        <translation>Schlaf {start} bis {end} ({duration})</translation>
    </message>
    <message>
        <source>{time} · no sleep logged at this time</source>
        <translation>{time} · zu dieser Zeit kein Schlaf protokolliert</translation>
    </message>
    <message>
        <source>episode {number} of {count}: {movements}, {start} to {end} ({duration})</source>
        <translation>Episode {number} von {count}: {movements}, {start} bis {end} ({duration})</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>No nights logged in this range yet. Log movements or sleep marks on the Log tab, and each night will appear here.</source>
        <translation>In diesem Zeitraum sind noch keine Nächte protokolliert. Erfassen Sie im Protokoll Bewegungen oder Schlafmarkierungen; jede Nacht erscheint dann hier.</translation>
    </message>
    <message>
        <source>  ·  click a night to see it on the timeline</source>
        <translation>  ·  Nacht anklicken, um sie in der Zeitleiste zu sehen</translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) logged from {first} to {last}</source>
        <translation>
            <numerusform>%n Nacht protokolliert vom {first} bis {last}</numerusform>
            <numerusform>%n Nächte protokolliert vom {first} bis {last}</numerusform>
        </translation>
    </message>
    <message>
        <source>each night</source>
        <translation>jede Nacht</translation>
    </message>
    <message>
        <source>average of the last {n} nights (nights not logged are left out)</source>
        <translation>Mittel der letzten {n} Nächte (nicht protokollierte Nächte zählen nicht)</translation>
    </message>
    <message>
        <source>Night of {date}</source>
        <translation>Nacht vom {date}</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>{n}-night average of movements: {value}</source>
        <translation>Mittel der Bewegungen über {n} Nächte: {value}</translation>
    </message>
</context>
<context>
    <name>UrgentList</name>
    <message>
        <source>If you have not talked with a doctor about these yet, please do so soon. If a sign like this is happening now, get medical help now: call a doctor urgently, or your local emergency number ({number}).</source>
        <translation>Wenn Sie darüber noch nicht mit einer Ärztin oder einem Arzt gesprochen haben, tun Sie es bitte bald. Wenn ein solches Anzeichen gerade auftritt, holen Sie jetzt ärztliche Hilfe: Rufen Sie dringend eine Ärztin oder einen Arzt an oder den örtlichen Notruf ({number}).</translation>
    </message>
    <message>
        <source>Night of {date}, at {time}: {signs}</source>
        <translation>Nacht vom {date}, um {time}: {signs}</translation>
    </message>
    <message>
        <source>Signs you logged that should not wait</source>
        <translation>Notierte Anzeichen, die nicht warten sollten</translation>
    </message>
    <message>
        <source>Read: Urgent signs</source>
        <translation>Lesen: Dringende Anzeichen</translation>
    </message>
    <message>
        <source>and {n} more in these nights</source>
        <translation>und {n} weitere in diesen Nächten</translation>
    </message>
</context>
<context>
    <name>UrgentNotice</name>
    <message>
        <source>Seek medical help now: call a doctor urgently. Call your local emergency number ({number}) at once if the color or breathing changes, or the jerking or stiffness lasts 5 minutes or more.</source>
        <translation>Holen Sie jetzt ärztliche Hilfe: Rufen Sie dringend eine Ärztin oder einen Arzt an. Rufen Sie sofort den örtlichen Notruf ({number}), wenn sich Hautfarbe oder Atmung verändern oder das Zucken oder die Steifheit 5 Minuten oder länger anhält.</translation>
    </message>
    <message>
        <source>What to tell the doctor</source>
        <translation>Was Sie der Praxis sagen</translation>
    </message>
    <message>
        <source>Show the guide&apos;s advice here, under this notice</source>
        <translation>Den Rat des Ratgebers hier unter diesem Hinweis zeigen</translation>
    </message>
    <message>
        <source>Guide page</source>
        <translation>Ratgeber-Seite</translation>
    </message>
    <message>
        <source>Open the guide&apos;s page on urgent signs</source>
        <translation>Die Ratgeber-Seite zu dringenden Anzeichen öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the urgent notice</source>
        <translation>Den dringenden Hinweis schließen</translation>
    </message>
    <message>
        <source>Hide this notice; the episode keeps its signs</source>
        <translation>Diesen Hinweis ausblenden; die Anzeichen bleiben bei der Episode</translation>
    </message>
    <message>
        <source>You noted: {signs}.</source>
        <translation>Sie haben notiert: {signs}.</translation>
    </message>
    <message>
        <source>Hide the details</source>
        <translation>Details ausblenden</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>rlbaby is already open</source>
        <translation>rlbaby ist schon geöffnet</translation>
    </message>
    <message>
        <source>Open this copy read-only (look, but not log), or quit?</source>
        <translation>Dieses Fenster nur zum Ansehen öffnen (schauen, nicht protokollieren) oder beenden?</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Nur zum Ansehen öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>rlbaby needs an update</source>
        <translation>rlbaby braucht ein Update</translation>
    </message>
    <message>
        <source>The latest good backup is from {when}.</source>
        <translation>Die letzte gute Sicherung ist vom {when}.</translation>
    </message>
    <message>
        <source>There is no backup to restore from.</source>
        <translation>Es gibt keine Sicherung zum Wiederherstellen.</translation>
    </message>
    <message>
        <source>Some data could not be read</source>
        <translation>Einige Daten konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Nothing was overwritten: each problem above says where its file is now. The rest of your log is open.</source>
        <translation>Nichts wurde überschrieben: Bei jedem Problem oben steht, wo seine Datei jetzt liegt. Der Rest Ihres Protokolls ist geöffnet.</translation>
    </message>
    <message>
        <source>Restore that backup</source>
        <translation>Diese Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Restore failed; your data is as it was. {reason}</source>
        <translation>Wiederherstellen fehlgeschlagen; Ihre Daten sind wie vorher. {reason}</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>Automatische Sicherung fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>CSV tables in one zip (*.zip)</source>
        <translation>CSV-Tabellen in einer ZIP-Datei (*.zip)</translation>
    </message>
    <message>
        <source>CSV files: children, lab results, episodes, sleep and movements (*.csv)</source>
        <translation>CSV-Dateien: Kinder, Laborwerte, Episoden, Schlaf und Bewegungen (*.csv)</translation>
    </message>
    <message>
        <source>Full JSON, every detail (*.json)</source>
        <translation>Vollständiges JSON, alle Details (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>The export could not be written. {reason}</source>
        <translation>Der Export konnte nicht geschrieben werden. {reason}</translation>
    </message>
    <message>
        <source>To import them elsewhere, import them in this order.</source>
        <translation>Um sie anderswo zu importieren, importieren Sie sie in dieser Reihenfolge.</translation>
    </message>
    <message>
        <source>Exported to:</source>
        <translation>Exportiert nach:</translation>
    </message>
</context>
</TS>
