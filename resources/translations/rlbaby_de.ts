<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>Changes</name>
    <message>
        <source>new movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new sleep period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change to the movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change to the episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change to the sleep period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change to the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted sleep period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind of movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settled mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled asleep mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awake mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asleep mark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EpisodePanel</name>
    <message>
        <source>No episode open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled  (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baby has settled: end this episode now (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add details  (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soothing, response, signs and triggers for this episode (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next tap starts one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n movement(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Last intervals: {gaps}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EpisodeSheet</name>
    <message>
        <source>The baby was asleep when the movements began</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baby was drifting off or half awake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baby was awake when the movements began</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You rocked the baby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You fed the baby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed the diaper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You loosened clothing or the swaddle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You made the room warmer or cooler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You gently massaged the legs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You used white noise or soft sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You gently held the legs still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calm again within about 5 minutes of soothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calmed down, but it took longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soothing did not calm the baby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The movements stopped when the baby woke up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT: the movements went on after the baby woke. Seek medical help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You did not wake the baby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crying that nothing would calm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trouble feeding around this episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT: the body or legs went stiff. Seek medical help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT: spasms or jerks in clusters, not smooth kicks. Seek help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT: eyes rolling or fixed. Seek medical help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT: colour change (pale, blue or grey). Seek medical help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT: pauses in breathing. Seek medical help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT: the same jerking also happens when awake. Seek medical help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baby may have been hungry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diaper was wet or soiled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clothing or swaddle seemed tight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baby or room seemed too warm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baby or room seemed too cold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A busy or exciting time before sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baby seemed unwell (cold, fever, teething...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the sheet (Escape). Everything is already saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change is saved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter logs a movement · Space ticks the chip in focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State at onset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soothing tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped when woken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Associated signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You filmed this episode (a video helps the doctor a lot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything else worth remembering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A free note; saved as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read about this in the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode at {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>unspecified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jerk / twitch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stretch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stiffening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drowsy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diaper change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loosened clothing or swaddle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adjusted room temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leg massage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>white noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gently holding the legs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settled within 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settled slowly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not settle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inconsolable crying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feeding difficulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stiffness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>twitching spasms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eyes rolling or fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>color change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breathing pauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same jerking also happens awake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hunger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wet or soiled diaper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tight clothing or swaddle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too warm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too cold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overstimulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unwell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not stop when woken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stiffening or spasms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <source>Mark when the baby falls asleep and wakes (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within 5 s of a tap: that tap was a {kind}. Later: log a new {kind}. Key {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo  (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back the last change, such as that tap (redo: Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · last movement {ago} ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing is logged here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last movement {ago} ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No episode open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>movement(s) this episode · last {ago} ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: another copy of rlbaby is logging to this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in the other copy of rlbaby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Logging for “{name}”: press Edit to give your baby&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last tap marked as {kind} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged a {kind} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No episode is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode settled at {time}. Add details if you like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No episode to describe yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asleep mark of {time} cancelled (S pressed twice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awake at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asleep at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asleep since {time} · S = awake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awake · S = asleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not undo. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: {change}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not redo. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redone: {change}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TapTarget</name>
    <message>
        <source>Tap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log one movement now (Space, Enter or click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space or Enter: log a movement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UrgentNotice</name>
    <message>
        <source>Seek medical help now: call a doctor urgently. Call your local emergency number ({number}) at once if the color or breathing changes, or the jerking or stiffness lasts 5 minutes or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to tell the doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the guide&apos;s advice here, under this notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the guide&apos;s page on urgent signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You noted: {signs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
