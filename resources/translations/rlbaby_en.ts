<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BreakdownChart</name>
    <message numerus="yes">
        <source>of %n episode(s) with a response noted</source>
        <translation>
            <numerusform>of %n episode with a response noted</numerusform>
            <numerusform>of %n episodes with a response noted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n episode(s)</source>
        <translation>
            <numerusform>of %n episode</numerusform>
            <numerusform>of %n episodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message numerus="yes">
        <source>{range}: %n logged, {episodes}.</source>
        <translation>
            <numerusform>{range}: %n logged, {episodes}.</numerusform>
            <numerusform>{range}: %n logged, {episodes}.</numerusform>
        </translation>
    </message>
</context>
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
    <name>GuideTab</name>
    <message numerus="yes">
        <source>Found on %n page(s)</source>
        <translation>
            <numerusform>Found on %n page</numerusform>
            <numerusform>Found on %n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message numerus="yes">
        <source>%n night(s) with a log for {name}, {first} to {last}. Times are the local time of each record.</source>
        <translation>
            <numerusform>%n night with a log for {name}, {first} to {last}. Times are the local time of each record.</numerusform>
            <numerusform>%n nights with a log for {name}, {first} to {last}. Times are the local time of each record.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added an episode at {time} with %n movement(s). Describe it on the right.</source>
        <translation>
            <numerusform>Added an episode at {time} with %n movement. Describe it on the right.</numerusform>
            <numerusform>Added an episode at {time} with %n movements. Describe it on the right.</numerusform>
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
    <name>IntervalChart</name>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation>
            <numerusform>%n gap</numerusform>
            <numerusform>%n gaps</numerusform>
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
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n child</numerusform>
            <numerusform>%n children</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n movement(s)</source>
        <translation>
            <numerusform>%n movement</numerusform>
            <numerusform>%n movements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n episode(s)</source>
        <translation>
            <numerusform>%n episode</numerusform>
            <numerusform>%n episodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sleep period(s)</source>
        <translation>
            <numerusform>%n sleep period</numerusform>
            <numerusform>%n sleep periods</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s)</source>
        <translation>
            <numerusform>%n night</numerusform>
            <numerusform>%n nights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation>
            <numerusform>%n gap</numerusform>
            <numerusform>%n gaps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SoothingChart</name>
    <message numerus="yes">
        <source>; you noted it helped in {helped} of the %n with a response noted</source>
        <translation>
            <numerusform>; you noted it helped in {helped} of the one with a response noted</numerusform>
            <numerusform>; you noted it helped in {helped} of the %n with a response noted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message numerus="yes">
        <source>%n night(s) logged from {first} to {last}</source>
        <translation>
            <numerusform>%n night logged from {first} to {last}</numerusform>
            <numerusform>%n nights logged from {first} to {last}</numerusform>
        </translation>
    </message>
</context>
</TS>
