<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<!-- Québec wording where it differs from carnet_fr.ts (loaded on top of it for fr_CA).
     Maintained by hand: lupdate does not touch this file. -->
<context>
    <name>Core::MemberField</name>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Cellulaire</translation>
    </message>
</context>
<context>
    <name>MemberEditorDialog</name>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Cellulaire</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Pas d’adresse courriel</translation>
    </message>
</context>
<context>
    <name>Gui::MainWindow</name>
    <message>
        <source>Search names, email, member number, city (Ctrl+F)</source>
        <translation>Rechercher nom, courriel, n° de membre, ville (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>Gui::MemberEditorDialog</name>
    <message>
        <source>ID or email of a partner or family member</source>
        <translation>N° ou courriel d’un conjoint ou d’un membre de la famille</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@exemple.ca</translation>
    </message>
</context>
<context>
    <name>Core::MemberValidator</name>
    <message>
        <source>&quot;No email address&quot; is ticked but an address was given.</source>
        <translation>« Pas d’adresse courriel » est cochée mais une adresse a été saisie.</translation>
    </message>
    <message>
        <source>The email address is required (tick &quot;No email address&quot; if the member has none).</source>
        <translation>L’adresse courriel est obligatoire (cochez « Pas d’adresse courriel » si le membre n’en a pas).</translation>
    </message>
</context>
<context>
    <name>Storage::MemberRepository</name>
    <message>
        <source>This email address is already used by %1 %2 (member %3). Members may share an address only within one household.</source>
        <translation>Cette adresse courriel est déjà utilisée par %1 %2 (membre %3). Seuls les membres d’un même foyer peuvent partager une adresse.</translation>
    </message>
</context>
<context>
    <name>Storage::DemoAssociation</name>
    <message>
        <source>No email: send the newsletter by post.</source>
        <translation>Pas de courriel : envoyer l’infolettre par la poste.</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>Newsletter</source>
        <translation>Infolettre</translation>
    </message>
    <message>
        <source>Invalid email address</source>
        <translation>Adresse courriel invalide</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Pas d’adresse courriel</translation>
    </message>
</context>
<context>
    <name>Consent::ConsentService</name>
    <message>
        <source>Say how the withdrawal came (unsubscribe link, email reply, phone, letter…).</source>
        <translation>Indiquez comment le retrait est arrivé (lien de désabonnement, réponse par courriel, téléphone, lettre…).</translation>
    </message>
</context>
<context>
    <name>Consent::Organisation</name>
    <message>
        <source>The contact email is not valid: %1</source>
        <translation>Le courriel de contact n’est pas valide : %1</translation>
    </message>
</context>
<context>
    <name>Gui::ConsentDialog</name>
    <message>
        <source>Email reply</source>
        <translation>Réponse par courriel</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Lien de désabonnement</translation>
    </message>
    <message>
        <source>A scan of the form or the member&apos;s email (optional)</source>
        <translation>Un scan du formulaire ou le courriel du membre (facultatif)</translation>
    </message>
</context>
<context>
    <name>Gui::OrganisationDialog</name>
    <message>
        <source>Contact &amp;email *</source>
        <translation>&amp;Courriel de contact *</translation>
    </message>
</context>
<context>
    <name>Import::ConsentColumns</name>
    <message>
        <source>A Mailchimp unsubscribed list: each row is a withdrawal.</source>
        <translation>Une liste de désabonnés Mailchimp : chaque ligne est un retrait.</translation>
    </message>
</context>
<context>
    <name>Storage::Selection</name>
    <message>
        <source>No email address</source>
        <translation>Pas d’adresse courriel</translation>
    </message>
</context>
<context>
    <name>Consent::DemoConsent</name>
    <message>
        <source>I would like to receive the library&apos;s newsletter (form v2).</source>
        <translation>Je souhaite recevoir l’infolettre de la bibliothèque (formulaire v2).</translation>
    </message>
</context>
<context>
    <name>Gui::ReportFields</name>
    <message>
        <source>Any of name, email, number, city</source>
        <translation>Nom, courriel, numéro ou ville</translation>
    </message>
</context>
<context>
    <name>Gui::CampaignComposerDialog</name>
    <message>
        <source>New newsletter</source>
        <translation>Nouvelle infolettre</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Infolettre</translation>
    </message>
    <message>
        <source>Newsletter %1</source>
        <translation>Infolettre %1</translation>
    </message>
    <message>
        <source>A newsletter goes only to members who agreed to this purpose. An invitation asks for it, and goes to members the association may write to.</source>
        <translation>Une infolettre ne va qu’aux membres qui ont accepté cette finalité. Une invitation la demande, et va aux membres à qui l’association peut écrire.</translation>
    </message>
</context>
<context>
    <name>Gui::CampaignsDialog</name>
    <message>
        <source>Newsletter</source>
        <translation>Infolettre</translation>
    </message>
    <message>
        <source>New &amp;newsletter…</source>
        <translation>Nouvelle &amp;infolettre…</translation>
    </message>
    <message>
        <source>No campaign yet: write a newsletter or an invitation.</source>
        <translation>Aucune campagne : écrivez une infolettre ou une invitation.</translation>
    </message>
</context>
<context>
    <name>Mail::Inbound</name>
    <message>
        <source>Spam complaint</source>
        <translation>Plainte pour pourriel</translation>
    </message>
    <message>
        <source>Marked as spam</source>
        <translation>Signalé comme pourriel</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>Boîte de courriel pleine</translation>
    </message>
</context>
<context>
    <name>Mail::ReturnedMailService</name>
    <message>
        <source>Spam complaint (%1)</source>
        <translation>Plainte pour pourriel (%1)</translation>
    </message>
    <message>
        <source>Complaint report read from the mailbox, message %1</source>
        <translation>Rapport de plainte lu dans la boîte de courriel, message %1</translation>
    </message>
    <message>
        <source>Left in the mailbox for a person</source>
        <translation>Laissé dans la boîte de courriel pour une personne</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>Address undeliverable (mail came back)</source>
        <translation>Adresse non distribuable (courriel revenu)</translation>
    </message>
</context>
</TS>
