<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Cli::AuditCommand</name>
    <message numerus="yes">
        <source>%n entry(ies) written to %1.</source>
        <translation>
            <numerusform>%n entry written to %1.</numerusform>
            <numerusform>%n entries written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli::CampaignCommand</name>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n recipient</numerusform>
            <numerusform>%n recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) to try again.</source>
        <translation>
            <numerusform>%n message to try again.</numerusform>
            <numerusform>%n messages to try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli::ConsentCommand</name>
    <message numerus="yes">
        <source>%n member(s) may receive messages for this purpose.</source>
        <translation>
            <numerusform>%n member may receive messages for this purpose.</numerusform>
            <numerusform>%n members may receive messages for this purpose.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) with consent events or statuses checked.</source>
        <translation>
            <numerusform>%n member with consent events or statuses checked.</numerusform>
            <numerusform>%n members with consent events or statuses checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) have stored statuses that differ from the ledger (for example: %1); %2 segment(s) missing, %3 too many.</source>
        <translation>
            <numerusform>%n member has stored statuses that differ from the ledger (for example: %1); %2 segment(s) missing, %3 too many.</numerusform>
            <numerusform>%n members have stored statuses that differ from the ledger (for example: %1); %2 segment(s) missing, %3 too many.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli::MailboxCommand</name>
    <message numerus="yes">
        <source>Connected: %n message(s) in the folder.</source>
        <translation>
            <numerusform>Connected: %n message in the folder.</numerusform>
            <numerusform>Connected: %n messages in the folder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) read; %1 left for a person; %2 moved to the processed folder.</source>
        <translation>
            <numerusform>%n message read; %1 left for a person; %2 moved to the processed folder.</numerusform>
            <numerusform>%n messages read; %1 left for a person; %2 moved to the processed folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli::PreviewCommand</name>
    <message numerus="yes">
        <source>  sheet “%1”: %n row(s)%2</source>
        <translation>
            <numerusform>  sheet “%1”: %n row%2</numerusform>
            <numerusform>  sheet “%1”: %n rows%2</numerusform>
        </translation>
    </message>
</context>
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
    <name>Gui::BackgroundSender</name>
    <message numerus="yes">
        <source>%n message(s) are waiting in the outbox.</source>
        <translation>
            <numerusform>%n message is waiting in the outbox.</numerusform>
            <numerusform>%n messages are waiting in the outbox.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::CampaignComposerDialog</name>
    <message numerus="yes">
        <source>Invited at least %n day(s) ago, no answer</source>
        <translation>
            <numerusform>Invited at least %n day ago, no answer</numerusform>
            <numerusform>Invited at least %n days ago, no answer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::CampaignsDialog</name>
    <message numerus="yes">
        <source>Sent to %1 of %n recipient(s).</source>
        <translation>
            <numerusform>Sent to %1 of %n recipient.</numerusform>
            <numerusform>Sent to %1 of %n recipients.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not sent yet: it would go to %n member(s).</source>
        <translation>
            <numerusform>Not sent yet: it would go to %n member.</numerusform>
            <numerusform>Not sent yet: it would go to %n members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %n member(s)?</source>
        <translation>
            <numerusform>Send “%1” to %n member?</numerusform>
            <numerusform>Send “%1” to %n members?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ConsentDialog</name>
    <message numerus="yes">
        <source>Record &quot;%1&quot; (%2) for %n member(s)?</source>
        <translation>
            <numerusform>Record &quot;%1&quot; (%2) for %n member?</numerusform>
            <numerusform>Record &quot;%1&quot; (%2) for %n members?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Consent recorded for %n member(s).</source>
        <translation>
            <numerusform>Consent recorded for %n member.</numerusform>
            <numerusform>Consent recorded for %n members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on the suppression list were left out.</source>
        <translation>
            <numerusform>%n member on the suppression list was left out.</numerusform>
            <numerusform>%n members on the suppression list were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recording consent for %n member(s)…</source>
        <translation>
            <numerusform>Recording consent for %n member…</numerusform>
            <numerusform>Recording consent for %n members…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::CopyAddressesDialog</name>
    <message numerus="yes">
        <source>%n address(es) may receive this message.</source>
        <translation>
            <numerusform>%n address may receive this message.</numerusform>
            <numerusform>%n addresses may receive this message.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ExportWizardPageFile</name>
    <message numerus="yes">
        <source>%Ln row(s) written to %1.</source>
        <translation>
            <numerusform>%Ln row written to %1.</numerusform>
            <numerusform>%Ln rows written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln address(es) copied; paste them into the Bcc field.</source>
        <translation>
            <numerusform>%Ln address copied; paste it into the Bcc field.</numerusform>
            <numerusform>%Ln addresses copied; paste them into the Bcc field.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ExportWizardPagePurpose</name>
    <message numerus="yes">
        <source>%Ln address(es) of members who agreed.</source>
        <translation>
            <numerusform>%Ln address of members who agreed.</numerusform>
            <numerusform>%Ln addresses of members who agreed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) will be written.</source>
        <translation>
            <numerusform>%Ln row will be written.</numerusform>
            <numerusform>%Ln rows will be written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ImportWizardPageFile</name>
    <message numerus="yes">
        <source>%1 — %n row(s)</source>
        <translation>
            <numerusform>%1 — %n row</numerusform>
            <numerusform>%1 — %n rows</numerusform>
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
    <name>Gui::MailboxAccountDialog</name>
    <message numerus="yes">
        <source>Signed in: %n message(s) in %1.</source>
        <translation>
            <numerusform>Signed in: %n message in %1.</numerusform>
            <numerusform>Signed in: %n messages in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::MailboxChecker</name>
    <message numerus="yes">
        <source>%n address(es) marked undeliverable</source>
        <translation>
            <numerusform>%n address marked undeliverable</numerusform>
            <numerusform>%n addresses marked undeliverable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n temporary failure(s) counted</source>
        <translation>
            <numerusform>%n temporary failure counted</numerusform>
            <numerusform>%n temporary failures counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s): consent withdrawn</source>
        <translation>
            <numerusform>%n complaint: consent withdrawn</numerusform>
            <numerusform>%n complaints: consent withdrawn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsubscribe request(s) honoured</source>
        <translation>
            <numerusform>%n unsubscribe request honoured</numerusform>
            <numerusform>%n unsubscribe requests honoured</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n auto-reply(ies)</source>
        <translation>
            <numerusform>%n auto-reply</numerusform>
            <numerusform>%n auto-replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by a server&apos;s policy</source>
        <translation>
            <numerusform>%n refused by a server&apos;s policy</numerusform>
            <numerusform>%n refused by a server&apos;s policy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left for you to read</source>
        <translation>
            <numerusform>%n left for you to read</numerusform>
            <numerusform>%n left for you to read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mailbox: %n message(s) read</source>
        <translation>
            <numerusform>Mailbox: %n message read</numerusform>
            <numerusform>Mailbox: %n messages read</numerusform>
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
        <source>%n selected member(s)</source>
        <translation>
            <numerusform>%n selected member</numerusform>
            <numerusform>%n selected members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) of &quot;%1&quot;</source>
        <translation>
            <numerusform>%n member of &quot;%1&quot;</numerusform>
            <numerusform>%n members of &quot;%1&quot;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::MemberActions</name>
    <message numerus="yes">
        <source>Delete these %n members from the member list? This cannot be undone.</source>
        <translation>
            <numerusform>Delete this member from the member list? This cannot be undone.</numerusform>
            <numerusform>Delete these %n members from the member list? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n members…</source>
        <translation>
            <numerusform>Deleting %n member…</numerusform>
            <numerusform>Deleting %n members…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) were changed by someone else after this list showed them. Delete them anyway?</source>
        <translation>
            <numerusform>%n member was changed by someone else after this list showed it. Delete it anyway?</numerusform>
            <numerusform>%n members were changed by someone else after this list showed them. Delete them anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n member(s) deleted, the others kept.</source>
        <translation>
            <numerusform>Stopped: %n member deleted, the others kept.</numerusform>
            <numerusform>Stopped: %n members deleted, the others kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) deleted, then: %1</source>
        <translation>
            <numerusform>%n member deleted, then: %1</numerusform>
            <numerusform>%n members deleted, then: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) deleted.</source>
        <translation>
            <numerusform>%n member deleted.</numerusform>
            <numerusform>%n members deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::MemberConsentWidget</name>
    <message numerus="yes">
        <source>Invited %n time(s), last on %1 (%2).</source>
        <translation>
            <numerusform>Invited once, last on %1 (%2).</numerusform>
            <numerusform>Invited %n times, last on %1 (%2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::OutboxDialog</name>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>%n sent</numerusform>
            <numerusform>%n sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deferred</source>
        <translation>
            <numerusform>%n deferred</numerusform>
            <numerusform>%n deferred</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>%n unknown</numerusform>
            <numerusform>%n unknown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ReportWizardPageFilters</name>
    <message numerus="yes">
        <source>%Ln member(s) match.</source>
        <translation>
            <numerusform>%Ln member matches.</numerusform>
            <numerusform>%Ln members match.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ReportWizardPagePreview</name>
    <message numerus="yes">
        <source>%Ln member(s); the first %1 below.</source>
        <translation>
            <numerusform>%Ln member; the first %1 below.</numerusform>
            <numerusform>%Ln members; the first %1 below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s).</source>
        <translation>
            <numerusform>%Ln member.</numerusform>
            <numerusform>%Ln members.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ReturnedMailDialog</name>
    <message numerus="yes">
        <source>%1, checked every %n minute(s) while Carnet is open.</source>
        <translation>
            <numerusform>%1, checked every %n minute while Carnet is open.</numerusform>
            <numerusform>%1, checked every %n minutes while Carnet is open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::UnsubscribeRequestsDialog</name>
    <message numerus="yes">
        <source>%n request(s) waiting for your decision.</source>
        <translation>
            <numerusform>%n request waiting for your decision.</numerusform>
            <numerusform>%n requests waiting for your decision.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storage::ImportBatchRepository</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
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
    <message numerus="yes">
        <source>Consent expiring within %n day(s)</source>
        <translation>
            <numerusform>Consent expiring within %n day</numerusform>
            <numerusform>Consent expiring within %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
