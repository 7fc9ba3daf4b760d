<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Core::EmailAddress</name>
    <message numerus="yes">
        <source>The part before the @ sign is too long (%n character(s) too many).</source>
        <translation>
            <numerusform>The part before the @ sign is too long (%n character too many).</numerusform>
            <numerusform>The part before the @ sign is too long (%n characters too many).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A part of the domain between periods is too long (%n character(s) too many).</source>
        <translation>
            <numerusform>A part of the domain between periods is too long (%n character too many).</numerusform>
            <numerusform>A part of the domain between periods is too long (%n characters too many).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The part after the @ sign is too long (%n character(s) too many).</source>
        <translation>
            <numerusform>The part after the @ sign is too long (%n character too many).</numerusform>
            <numerusform>The part after the @ sign is too long (%n characters too many).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The email address is too long (%n character(s) too many).</source>
        <translation>
            <numerusform>The email address is too long (%n character too many).</numerusform>
            <numerusform>The email address is too long (%n characters too many).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ImportWizardPagePreview</name>
    <message numerus="yes">
        <source>%n row(s) deserve a look (see Details).</source>
        <translation>
            <numerusform>%n row deserves a look (see Details).</numerusform>
            <numerusform>%n rows deserve a look (see Details).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::MainWindow</name>
    <message numerus="yes">
        <source>%n member(s) shown</source>
        <translation>
            <numerusform>%n member shown</numerusform>
            <numerusform>%n members shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in total</source>
        <translation>
            <numerusform>%n in total</numerusform>
            <numerusform>%n in total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n members from the member list? This cannot be undone.</source>
        <translation>
            <numerusform>Delete this member from the member list? This cannot be undone.</numerusform>
            <numerusform>Delete these %n members from the member list? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storage::Selection</name>
    <message numerus="yes">
        <source>Membership ending within %n day(s)</source>
        <translation>
            <numerusform>Membership ending within %n day</numerusform>
            <numerusform>Membership ending within %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
