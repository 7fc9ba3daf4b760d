<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Cli</name>
    <message>
        <source>Run &quot;carnet-cli --help&quot; for usage.</source>
        <translation>Lancez « carnet-cli --help » pour l’aide.</translation>
    </message>
    <message>
        <source>Usage: carnet-cli [--database PATH] COMMAND …
       carnet-cli --version

The database defaults to the one the Carnet window opens; CARNET_DATABASE overrides it.
Exit codes: 0 success, 1 the job reported errors, 2 bad usage or unusable input.

Commands:
</source>
        <translation>Usage : carnet-cli [--database CHEMIN] COMMANDE …
        carnet-cli --version

La base par défaut est celle qu’ouvre la fenêtre de Carnet ; CARNET_DATABASE la remplace.
Codes de sortie : 0 réussite, 1 la tâche a signalé des erreurs, 2 mauvais usage ou entrée inutilisable.

Commandes :
</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;.</source>
        <translation>Option inconnue « %1 ».</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Aucune commande donnée.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue « %1 ».</translation>
    </message>
    <message>
        <source>--%1 expects a date as YYYY-MM-DD, not &quot;%2&quot;.</source>
        <translation>--%1 attend une date AAAA-MM-JJ, pas « %2 ».</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu « %1 ».</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>--database needs a file path or a postgresql:// address.</source>
        <translation>--database attend le chemin d’un fichier ou une adresse postgresql://.</translation>
    </message>
</context>
<context>
    <name>Cli::AuditCommand</name>
    <message>
        <source>audit list [--member ID|EMAIL] [--actor LOGIN] [--json]
audit export --output FILE [--format csv|xlsx|ods] [--member ID|EMAIL] [--actor LOGIN] [--json]</source>
        <translation>audit list [--member ID|COURRIEL] [--actor IDENTIFIANT] [--json]
audit export --output FICHIER [--format csv|xlsx|ods] [--member ID|COURRIEL] [--actor IDENTIFIANT] [--json]</translation>
    </message>
    <message>
        <source>Unknown audit command &quot;%1&quot;. Commands: list, export.</source>
        <translation>Commande audit inconnue « %1 ». Commandes : list, export.</translation>
    </message>
    <message>
        <source>audit export needs --output FILE.</source>
        <translation>audit export demande --output FICHIER.</translation>
    </message>
    <message>
        <source>--format is csv, xlsx or ods.</source>
        <translation>--format vaut csv, xlsx ou ods.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) written to %1.</source>
        <translation>
            <numerusform>%n entrée écrite dans %1.</numerusform>
            <numerusform>%n entrées écrites dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli::CampaignCommand</name>
    <message>
        <source>campaign create needs --%1.</source>
        <translation>campaign create demande --%1.</translation>
    </message>
    <message>
        <source>--kind is invitation or newsletter.</source>
        <translation>--kind vaut invitation ou newsletter.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>--from is &quot;Name &lt;address&gt;&quot; or an address.</source>
        <translation>--from vaut « Nom &lt;adresse&gt; » ou une adresse.</translation>
    </message>
    <message>
        <source>The attachments pass 10 MB: most mail providers refuse such messages. Share large files by a link instead.</source>
        <translation>Les pièces jointes dépassent 10 Mo : la plupart des messageries refusent de tels messages. Partagez les gros fichiers par un lien.</translation>
    </message>
    <message>
        <source>Warning: these merge fields match no member field or attribute and will be left empty: %1</source>
        <translation>Attention : ces champs de fusion ne correspondent à aucun champ ni attribut de membre et resteront vides : %1</translation>
    </message>
    <message>
        <source>Campaign %1 created.</source>
        <translation>Campagne %1 créée.</translation>
    </message>
    <message>
        <source>campaign preview needs a campaign id.</source>
        <translation>campaign preview demande le numéro d’une campagne.</translation>
    </message>
    <message>
        <source>campaign preview takes a campaign id and --member ID|EMAIL.</source>
        <translation>campaign preview prend le numéro d’une campagne et --member ID|COURRIEL.</translation>
    </message>
    <message>
        <source>Left empty for this member: %1</source>
        <translation>Laissés vides pour ce membre : %1</translation>
    </message>
    <message>
        <source>Unknown campaign command &quot;%1&quot;. Commands: create, preview, send, status, retry, list.</source>
        <translation>Commande campaign inconnue « %1 ». Commandes : create, preview, send, status, retry, list.</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; asks questions when it is run; a campaign&apos;s audience must be a report without questions.</source>
        <translation>Le rapport « %1 » pose des questions quand on l’exécute ; l’audience d’une campagne doit être un rapport sans question.</translation>
    </message>
    <message>
        <source>--%1 goes with --%2.</source>
        <translation>--%1 va avec --%2.</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n destinataire</numerusform>
            <numerusform>%n destinataires</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Laissés de côté : %1</translation>
    </message>
    <message>
        <source>%1 sent, %2 waiting, %3 deferred, %4 failed, %5 unknown.</source>
        <translation>%1 envoyé(s), %2 en attente, %3 différé(s), %4 en échec, %5 incertain(s).</translation>
    </message>
    <message>
        <source>Not sent yet.</source>
        <translation>Pas encore envoyée.</translation>
    </message>
    <message>
        <source>campaign retry needs a campaign id.</source>
        <translation>campaign retry demande le numéro d’une campagne.</translation>
    </message>
    <message>
        <source>campaign send needs a campaign id.</source>
        <translation>campaign send demande le numéro d’une campagne.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) to try again.</source>
        <translation>
            <numerusform>%n message à réessayer.</numerusform>
            <numerusform>%n messages à réessayer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The account&apos;s limits are reached; the rest can go from %1.</source>
        <translation>Les limites du compte sont atteintes ; la suite pourra partir à partir de %1.</translation>
    </message>
    <message>
        <source>campaign status needs a campaign id.</source>
        <translation>campaign status demande le numéro d’une campagne.</translation>
    </message>
    <message>
        <source>campaign create --name N --kind invitation|newsletter --purpose P --subject S --body FILE.md [--html FILE]
  [--attach FILE]… [--from &quot;Name &lt;address&gt;&quot;] --audience all|never-invited|invited-no-answer|report:NAME [--json]
  [--subject-en S --body-en FILE.md]
campaign preview ID --member ID|EMAIL
campaign send ID [--until-empty] [--password-file F] [--json]
campaign status ID [--details] [--json]
campaign retry ID [--until-empty] [--password-file F] [--json]
campaign list [--json]</source>
        <translation>campaign create --name N --kind invitation|newsletter --purpose F --subject S --body FICHIER.md [--html FICHIER]
  [--attach FICHIER]… [--from &quot;Nom &lt;adresse&gt;&quot;] --audience all|never-invited|invited-no-answer|report:NOM [--json]
  [--subject-en S --body-en FICHIER.md]
campaign preview ID --member ID|COURRIEL
campaign send ID [--until-empty] [--password-file F] [--json]
campaign status ID [--details] [--json]
campaign retry ID [--until-empty] [--password-file F] [--json]
campaign list [--json]</translation>
    </message>
</context>
<context>
    <name>Cli::ConsentCommand</name>
    <message>
        <source>consent record needs one member: an id or an email address.</source>
        <translation>consent record demande un membre : un identifiant ou une adresse de courriel.</translation>
    </message>
    <message>
        <source>consent record needs --%1.</source>
        <translation>consent record demande --%1.</translation>
    </message>
    <message>
        <source>--basis is one of express, implied-membership, implied, legitimate-interest; not &quot;%1&quot;.</source>
        <translation>--basis vaut express, implied-membership, implied ou legitimate-interest ; pas « %1 ».</translation>
    </message>
    <message>
        <source>Consent recorded for %1: %2, %3.</source>
        <translation>Consentement enregistré pour %1 : %2, %3.</translation>
    </message>
    <message>
        <source>consent withdraw needs one member: an id or an email address.</source>
        <translation>consent withdraw demande un membre : un identifiant ou une adresse de courriel.</translation>
    </message>
    <message>
        <source>consent withdraw needs either --purpose P or --all.</source>
        <translation>consent withdraw demande soit --purpose FINALITÉ, soit --all.</translation>
    </message>
    <message>
        <source>consent withdraw needs --source (how the request came).</source>
        <translation>consent withdraw demande --source (comment la demande est arrivée).</translation>
    </message>
    <message>
        <source>Withdrawal recorded for %1: %2.</source>
        <translation>Retrait enregistré pour %1 : %2.</translation>
    </message>
    <message>
        <source>The address is on the suppression list: it will not be mailed again.</source>
        <translation>L’adresse est sur la liste d’exclusion : elle ne recevra plus de messages.</translation>
    </message>
    <message>
        <source>consent status needs one member: an id or an email address.</source>
        <translation>consent status demande un membre : un identifiant ou une adresse de courriel.</translation>
    </message>
    <message>
        <source>consent history needs one member: an id or an email address.</source>
        <translation>consent history demande un membre : un identifiant ou une adresse de courriel.</translation>
    </message>
    <message>
        <source>withdrawal</source>
        <translation>retrait</translation>
    </message>
    <message>
        <source>consent eligible needs --purpose.</source>
        <translation>consent eligible demande --purpose.</translation>
    </message>
    <message>
        <source>Unknown selection &quot;%1&quot; (for example: all, no-email, section:NAME, category:NAME).</source>
        <translation>Sélection inconnue « %1 » (par exemple : all, no-email, section:NOM, category:NOM).</translation>
    </message>
    <message>
        <source>The selection is empty.</source>
        <translation>La sélection est vide.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) may receive messages for this purpose.</source>
        <translation>
            <numerusform>%n membre peut recevoir des messages pour cette finalité.</numerusform>
            <numerusform>%n membres peuvent recevoir des messages pour cette finalité.</numerusform>
        </translation>
    </message>
    <message>
        <source>consent record ID|EMAIL --purpose P --basis express|implied-membership|implied|legitimate-interest
  --source TEXT [--date YYYY-MM-DD] [--expires YYYY-MM-DD] [--wording TEXT] [--evidence FILE]
  [--note TEXT] [--recorded-by NAME] [--json]
consent withdraw ID|EMAIL (--purpose P | --all) --source TEXT [--date YYYY-MM-DD] [--recorded-by NAME] [--json]
consent status ID|EMAIL [--at YYYY-MM-DD] [--json]
consent history ID|EMAIL [--json]
consent eligible --purpose P [--selection KEY] [--at YYYY-MM-DD] [--json]
consent verify [--repair] [--json]</source>
        <translation>consent record ID|COURRIEL --purpose FINALITÉ --basis express|implied-membership|implied|legitimate-interest
  --source TEXTE [--date AAAA-MM-JJ] [--expires AAAA-MM-JJ] [--wording TEXTE] [--evidence FICHIER]
  [--note TEXTE] [--recorded-by NOM] [--json]
consent withdraw ID|COURRIEL (--purpose FINALITÉ | --all) --source TEXTE [--date AAAA-MM-JJ] [--recorded-by NOM] [--json]
consent status ID|COURRIEL [--at AAAA-MM-JJ] [--json]
consent history ID|COURRIEL [--json]
consent eligible --purpose FINALITÉ [--selection CLÉ] [--at AAAA-MM-JJ] [--json]
consent verify [--repair] [--json]</translation>
    </message>
    <message>
        <source>Unknown consent command &quot;%1&quot;. Commands: record, withdraw, status, history, eligible, verify.</source>
        <translation>Commande consent inconnue « %1 ». Commandes : record, withdraw, status, history, eligible, verify.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) with consent events or statuses checked.</source>
        <translation>
            <numerusform>%n membre ayant des événements ou des statuts de consentement vérifié.</numerusform>
            <numerusform>%n membres ayant des événements ou des statuts de consentement vérifiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every stored consent status agrees with the ledger.</source>
        <translation>Chaque statut de consentement enregistré concorde avec le registre.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) have stored statuses that differ from the ledger (for example: %1); %2 segment(s) missing, %3 too many.</source>
        <translation>
            <numerusform>%n membre a des statuts enregistrés qui diffèrent du registre (par exemple : %1) ; %2 segment(s) manquant(s), %3 en trop.</numerusform>
            <numerusform>%n membres ont des statuts enregistrés qui diffèrent du registre (par exemple : %1) ; %2 segment(s) manquant(s), %3 en trop.</numerusform>
        </translation>
    </message>
    <message>
        <source>They were worked out again from the ledger.</source>
        <translation>Ils ont été recalculés à partir du registre.</translation>
    </message>
    <message>
        <source>Run consent verify --repair to work them out again from the ledger.</source>
        <translation>Lancez consent verify --repair pour les recalculer à partir du registre.</translation>
    </message>
</context>
<context>
    <name>Cli::ImportCommand</name>
    <message>
        <source>import needs one file.</source>
        <translation>import demande un fichier.</translation>
    </message>
    <message>
        <source>--mode is create, update or fill, not &quot;%1&quot;.</source>
        <translation>--mode vaut create, update ou fill, pas « %1 ».</translation>
    </message>
    <message>
        <source>Unknown encoding &quot;%1&quot;.</source>
        <translation>Encodage inconnu « %1 ».</translation>
    </message>
    <message>
        <source>--delimiter takes one character, or &quot;tab&quot;.</source>
        <translation>--delimiter prend un caractère, ou « tab ».</translation>
    </message>
    <message>
        <source>--map takes &quot;HEADER=field&quot; where field is a member field, full_name, extra.NAME or ignore, not &quot;%1&quot;.</source>
        <translation>--map prend « EN-TÊTE=champ » où champ est un champ de membre, full_name, extra.NOM ou ignore, pas « %1 ».</translation>
    </message>
    <message>
        <source>--date-order is dmy or mdy.</source>
        <translation>--date-order vaut dmy ou mdy.</translation>
    </message>
    <message>
        <source>%1 created, %2 updated, %3 unchanged, %4 duplicates, %5 rejected, %6 without email.</source>
        <translation>%1 créés, %2 mis à jour, %3 inchangés, %4 doublons, %5 refusés, %6 sans adresse e-mail.</translation>
    </message>
    <message>
        <source>Import %1 (undo: carnet-cli import undo %1).</source>
        <translation>Import %1 (pour l’annuler : carnet-cli import undo %1).</translation>
    </message>
    <message>
        <source>line %1, %2 &quot;%3&quot;: %4</source>
        <translation>ligne %1, %2 « %3 » : %4</translation>
    </message>
    <message>
        <source> (undone)</source>
        <translation> (annulé)</translation>
    </message>
    <message>
        <source>import undo needs the number of an import.</source>
        <translation>import undo demande le numéro d’un import.</translation>
    </message>
    <message>
        <source>Import %1 undone.</source>
        <translation>Import %1 annulé.</translation>
    </message>
    <message>
        <source>Consent for &quot;%1&quot;: %2 recorded, %3 withdrawals, %4 left out (suppressed addresses).</source>
        <translation>Consentement pour « %1 » : %2 enregistrés, %3 retraits, %4 laissés de côté (adresses exclues).</translation>
    </message>
    <message>
        <source>%1 Not recorded: say for which purpose with --consent-purpose.</source>
        <translation>%1 Non enregistré : indiquez pour quelle finalité avec --consent-purpose.</translation>
    </message>
    <message>
        <source>import FILE [--dry-run] [--mode create|update|fill] [--map &quot;HEADER=field&quot;]… [--encoding E] [--delimiter D]
            [--sheet NAME|NUMBER] [--no-header] [--skip-no-email] [--protect FIELD]… [--date-order dmy|mdy]
            [--consent-purpose PURPOSE] [--json]
import list [--json]
import undo BATCH</source>
        <translation>import FICHIER [--dry-run] [--mode create|update|fill] [--map &quot;EN-TÊTE=champ&quot;]… [--encoding E] [--delimiter D]
            [--sheet NOM|NUMÉRO] [--no-header] [--skip-no-email] [--protect CHAMP]… [--date-order dmy|mdy]
            [--consent-purpose FINALITÉ] [--json]
import list [--json]
import undo LOT</translation>
    </message>
</context>
<context>
    <name>Cli::InviteCommand</name>
    <message>
        <source>invite needs one of --never-invited, --reminder DAYS or --answer.</source>
        <translation>invite demande --never-invited, --reminder JOURS ou --answer.</translation>
    </message>
    <message>
        <source>--reminder takes a number of days.</source>
        <translation>--reminder prend un nombre de jours.</translation>
    </message>
    <message>
        <source>Invitation reminder %1</source>
        <translation>Rappel d’invitation %1</translation>
    </message>
    <message>
        <source>Invitations %1</source>
        <translation>Invitations %1</translation>
    </message>
    <message>
        <source>Campaign %1: %2</source>
        <translation>Campagne %1 : %2</translation>
    </message>
    <message>
        <source>--answer is accepted or declined.</source>
        <translation>--answer vaut accepted ou declined.</translation>
    </message>
    <message>
        <source>--answer needs --member ID|EMAIL.</source>
        <translation>--answer demande --member ID|COURRIEL.</translation>
    </message>
    <message>
        <source>Recorded: %1 accepted (express consent).</source>
        <translation>Enregistré : %1 a accepté (consentement exprès).</translation>
    </message>
    <message>
        <source>Recorded: %1 declined.</source>
        <translation>Enregistré : %1 a refusé.</translation>
    </message>
    <message>
        <source>invite --never-invited [--purpose P] [--until-empty] [--password-file F] [--json]
invite --reminder DAYS [--purpose P] [--until-empty] [--password-file F] [--json]
invite --answer accepted|declined --member ID|EMAIL
invite --status --member ID|EMAIL [--json]</source>
        <translation>invite --never-invited [--purpose F] [--until-empty] [--password-file F] [--json]
invite --reminder JOURS [--purpose F] [--until-empty] [--password-file F] [--json]
invite --answer accepted|declined --member ID|COURRIEL
invite --status --member ID|COURRIEL [--json]</translation>
    </message>
    <message>
        <source>--status needs --member ID|EMAIL.</source>
        <translation>--status demande --member ID|COURRIEL.</translation>
    </message>
    <message>
        <source>Never invited.</source>
        <translation>Jamais invité.</translation>
    </message>
    <message>
        <source>Invited %1 time(s), last on %2 (%3); answer: %4.</source>
        <translation>Invité %1 fois, dernière le %2 (%3) ; réponse : %4.</translation>
    </message>
</context>
<context>
    <name>Cli::MailCommand</name>
    <message>
        <source>mail send --to ADDR… --subject S (--text FILE | --markdown FILE) [--html FILE] [--attach FILE]… [--json]</source>
        <translation>mail send --to ADRESSE… --subject SUJET (--text FICHIER | --markdown FICHIER) [--html FICHIER] [--attach FICHIER]… [--json]</translation>
    </message>
    <message>
        <source>Unknown mail command &quot;%1&quot;. Commands: send.</source>
        <translation>Commande mail inconnue « %1 ». Commandes : send.</translation>
    </message>
    <message>
        <source>mail send needs --to and --subject.</source>
        <translation>mail send demande --to et --subject.</translation>
    </message>
    <message>
        <source>mail send needs either --text or --markdown.</source>
        <translation>mail send demande soit --text, soit --markdown.</translation>
    </message>
    <message>
        <source>No sending account yet: run carnet-cli smtp set first.</source>
        <translation>Pas encore de compte d’envoi : lancez d’abord carnet-cli smtp set.</translation>
    </message>
    <message>
        <source>Cannot read the attachment %1.</source>
        <translation>Impossible de lire la pièce jointe %1.</translation>
    </message>
    <message>
        <source>Batch %1: %2 message(s) queued. Send with: carnet-cli outbox run</source>
        <translation>Lot %1 : %2 message(s) en file d’attente. Pour envoyer : carnet-cli outbox run</translation>
    </message>
    <message>
        <source>%1 is on the suppression list: not queued.</source>
        <translation>%1 est sur la liste d’exclusion : non mis en file.</translation>
    </message>
</context>
<context>
    <name>Cli::MailboxCommand</name>
    <message>
        <source>mailbox set [--preset NAME] --host H --port P --security tls|starttls --user U [--folder INBOX]
  [--processed-folder NAME] [--every-minutes N] [--ca-file PEM] [--trust-fingerprint SHA256]
  [--store-password] [--json]
mailbox show [--json]
mailbox presets
mailbox test [--password-file F] [--json]   (password: CARNET_IMAP_PASSWORD, --password-file or the keychain)
mailbox run [--password-file F] [--json]    (read the bounces and replies, act, move them)
mailbox list [--json]
mailbox undo ID [--password-file F] [--json]
mailbox deliverable MEMBER [--json]          (mark the member&apos;s address deliverable again)
mailbox read FILE.eml [--json]              (what Carnet understands in a saved message, without acting)</source>
        <translation>mailbox set [--preset NOM] --host H --port P --security tls|starttls --user U [--folder INBOX]
  [--processed-folder NOM] [--every-minutes N] [--ca-file PEM] [--trust-fingerprint SHA256]
  [--store-password] [--json]
mailbox show [--json]
mailbox presets
mailbox test [--password-file F] [--json]   (mot de passe : CARNET_IMAP_PASSWORD, --password-file ou le trousseau)
mailbox run [--password-file F] [--json]    (lit les retours et les réponses, agit, les range)
mailbox list [--json]
mailbox undo ID [--password-file F] [--json]
mailbox deliverable MEMBRE [--json]          (l’adresse du membre de nouveau distribuable)
mailbox read FICHIER.eml [--json]           (ce que Carnet comprend d’un message enregistré, sans agir)</translation>
    </message>
    <message>
        <source>Unknown mailbox command &quot;%1&quot;. Commands: set, show, presets, test, run, list, undo, deliverable, read.</source>
        <translation>Commande mailbox inconnue « %1 ». Commandes : set, show, presets, test, run, list, undo, deliverable, read.</translation>
    </message>
    <message>
        <source>Cannot read the password file %1.</source>
        <translation>Impossible de lire le fichier de mot de passe %1.</translation>
    </message>
    <message>
        <source>The mailbox signs in as %1: give the password in CARNET_IMAP_PASSWORD, with --password-file, or keep it in the keychain with mailbox set --store-password.</source>
        <translation>La boîte aux lettres se connecte en tant que %1 : donnez le mot de passe dans CARNET_IMAP_PASSWORD, avec --password-file, ou gardez-le dans le trousseau avec mailbox set --store-password.</translation>
    </message>
    <message>
        <source>Unknown preset &quot;%1&quot;. Presets: %2.</source>
        <translation>Préréglage inconnu « %1 ». Préréglages : %2.</translation>
    </message>
    <message>
        <source>--port takes a number between 1 and 65535.</source>
        <translation>--port attend un nombre entre 1 et 65535.</translation>
    </message>
    <message>
        <source>--security is tls or starttls (the mailbox is never read in clear).</source>
        <translation>--security vaut tls ou starttls (la boîte n’est jamais lue en clair).</translation>
    </message>
    <message>
        <source>--every-minutes takes a number.</source>
        <translation>--every-minutes attend un nombre.</translation>
    </message>
    <message>
        <source>Mailbox saved: %1 on %2:%3.</source>
        <translation>Boîte aux lettres enregistrée : %1 sur %2:%3.</translation>
    </message>
    <message>
        <source>No mailbox is set up (mailbox set).</source>
        <translation>Aucune boîte aux lettres n’est configurée (mailbox set).</translation>
    </message>
    <message>
        <source>%1 on %2:%3 (%4), folder %5, processed messages to %6.</source>
        <translation>%1 sur %2:%3 (%4), dossier %5, messages traités vers %6.</translation>
    </message>
    <message>
        <source>Warning: a receiving server refused a message by policy on %1 (%2). Check the sending domain&apos;s SPF, DKIM and DMARC records.</source>
        <translation>Attention : un serveur destinataire a refusé un message par politique le %1 (%2). Vérifiez les enregistrements SPF, DKIM et DMARC du domaine d’envoi.</translation>
    </message>
    <message>
        <source>No mailbox is set up: mailbox set first.</source>
        <translation>Aucune boîte aux lettres n’est configurée : d’abord mailbox set.</translation>
    </message>
    <message>
        <source>The certificate (SHA-256 %1) can be trusted with mailbox set --trust-fingerprint %1.</source>
        <translation>Ce certificat (SHA-256 %1) peut être accepté avec mailbox set --trust-fingerprint %1.</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n message(s) in the folder.</source>
        <translation>
            <numerusform>Connecté : %n message dans le dossier.</numerusform>
            <numerusform>Connecté : %n messages dans le dossier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) read; %1 left for a person; %2 moved to the processed folder.</source>
        <translation>
            <numerusform>%n message lu ; %1 laissé(s) à une personne ; %2 rangé(s) dans le dossier des messages traités.</numerusform>
            <numerusform>%n messages lus ; %1 laissé(s) à une personne ; %2 rangé(s) dans le dossier des messages traités.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server cannot move messages: they stay in the folder, and Carnet remembers them.</source>
        <translation>Le serveur ne sait pas déplacer les messages : ils restent dans le dossier, et Carnet s’en souvient.</translation>
    </message>
    <message>
        <source>a message number</source>
        <translation>un numéro de message</translation>
    </message>
    <message>
        <source>mailbox undo takes the number mailbox list gives.</source>
        <translation>mailbox undo attend le numéro que donne mailbox list.</translation>
    </message>
    <message>
        <source>Undone in the member file; the message could not be moved back: %1</source>
        <translation>Annulé dans le fichier des membres ; le message n’a pas pu être remis à sa place : %1</translation>
    </message>
    <message>
        <source>Message %1 undone.</source>
        <translation>Message %1 annulé.</translation>
    </message>
    <message>
        <source>a member (id or address)</source>
        <translation>un membre (numéro ou adresse)</translation>
    </message>
    <message>
        <source>The address of member %1 is deliverable again.</source>
        <translation>L’adresse du membre %1 est de nouveau distribuable.</translation>
    </message>
    <message>
        <source>a message file (.eml)</source>
        <translation>un fichier de message (.eml)</translation>
    </message>
    <message>
        <source>mailbox read needs a message file (.eml).</source>
        <translation>mailbox read attend un fichier de message (.eml).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a returned message.</source>
        <translation>%1 est trop gros pour être un message retourné.</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Nature : %1</translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>Envoi : %1</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>Membre : %1</translation>
    </message>
</context>
<context>
    <name>Cli::MembersCommand</name>
    <message>
        <source>--%1 expects a date as YYYY-MM-DD, not &quot;%2&quot;.</source>
        <translation>--%1 attend une date AAAA-MM-JJ, pas « %2 ».</translation>
    </message>
    <message>
        <source>--email and --no-email cannot be used together.</source>
        <translation>--email et --no-email ne peuvent pas aller ensemble.</translation>
    </message>
    <message>
        <source>Did you mean %1? The address was saved as typed.</source>
        <translation>Vouliez-vous dire %1 ? L’adresse a été enregistrée telle que saisie.</translation>
    </message>
    <message>
        <source>Member %1 saved: %2</source>
        <translation>Membre %1 enregistré : %2</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu « %1 ».</translation>
    </message>
    <message>
        <source>members edit needs one member: an id or an email address.</source>
        <translation>members edit demande un membre : un identifiant ou une adresse de courriel.</translation>
    </message>
    <message>
        <source>members delete needs one member: an id or an email address.</source>
        <translation>members delete demande un membre : un identifiant ou une adresse de courriel.</translation>
    </message>
    <message>
        <source>Member %1 deleted: %2</source>
        <translation>Membre %1 supprimé : %2</translation>
    </message>
    <message>
        <source>members show needs one member: an id or an email address.</source>
        <translation>members show demande un membre : un identifiant ou une adresse de courriel.</translation>
    </message>
    <message>
        <source>Unknown members command &quot;%1&quot;. Commands: add, edit, delete, show, list, export, erase.</source>
        <translation>Commande members inconnue « %1 ». Commandes : add, edit, delete, show, list, export, erase.</translation>
    </message>
    <message>
        <source>members export needs one member: an id or an email address.</source>
        <translation>members export demande un membre : un identifiant ou une adresse de courriel.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>%1&apos;s data written to %2.</source>
        <translation>Les données de %1 ont été écrites dans %2.</translation>
    </message>
    <message>
        <source>members erase needs one member: an id or an email address.</source>
        <translation>members erase demande un membre : un identifiant ou une adresse de courriel.</translation>
    </message>
    <message>
        <source>Member %1 erased. The address stays on the suppression list.</source>
        <translation>Membre %1 effacé. L’adresse reste sur la liste d’exclusion.</translation>
    </message>
    <message>
        <source>--if-version takes the member&apos;s version, a number from its JSON (&quot;version&quot;).</source>
        <translation>--if-version prend la version du membre, un nombre tiré de son JSON (« version »).</translation>
    </message>
    <message>
        <source>members add --first-name F --last-name L [--email E | --no-email] [field options] [--household-with ID|EMAIL] [--json]
members edit ID|EMAIL [field options] [--if-version N] [--json]
members delete ID|EMAIL [--if-version N] [--json]
members show ID|EMAIL [--json]
members list [--search TEXT] [--json]
members export ID|EMAIL [--output FILE] [--format json|xlsx|ods] [--json]   (everything Carnet holds about the member)
members erase ID|EMAIL [--json]   (personal data removed; the address stays suppressed)
field options: --member-number --phone --mobile --address --postal-code --city --country --section
  --category --membership-start YYYY-MM-DD --membership-end YYYY-MM-DD --language fr|en --notes</source>
        <translation>members add --first-name PRÉNOM --last-name NOM [--email COURRIEL | --no-email] [options de champ] [--household-with ID|COURRIEL] [--json]
members edit ID|COURRIEL [options de champ] [--if-version N] [--json]
members delete ID|COURRIEL [--if-version N] [--json]
members show ID|COURRIEL [--json]
members list [--search TEXTE] [--json]
members export ID|COURRIEL [--output FICHIER] [--format json|xlsx|ods] [--json]   (tout ce que Carnet détient sur le membre)
members erase ID|COURRIEL [--json]   (données personnelles effacées ; l’adresse reste exclue)
options de champ : --member-number --phone --mobile --address --postal-code --city --country --section
  --category --membership-start AAAA-MM-JJ --membership-end AAAA-MM-JJ --language fr|en --notes</translation>
    </message>
    <message>
        <source>--format is json, xlsx or ods.</source>
        <translation>--format vaut json, xlsx ou ods.</translation>
    </message>
    <message>
        <source>A spreadsheet is written to a file: add --output FILE.</source>
        <translation>Un classeur s’écrit dans un fichier : ajoutez --output FICHIER.</translation>
    </message>
</context>
<context>
    <name>Cli::OrganisationCommand</name>
    <message>
        <source>Unknown organisation command &quot;%1&quot;. Commands: set, show.</source>
        <translation>Commande organisation inconnue « %1 ». Commandes : set, show.</translation>
    </message>
    <message>
        <source>--jurisdiction is one of ca, eu, both; not &quot;%1&quot;.</source>
        <translation>--jurisdiction vaut ca, eu ou both ; pas « %1 ».</translation>
    </message>
    <message>
        <source>organisation set needs --jurisdiction ca, eu or both.</source>
        <translation>organisation set demande --jurisdiction ca, eu ou both.</translation>
    </message>
    <message>
        <source>organisation set --name N --address A --email E [--phone P] [--website W] [--unsubscribe-url https://…] --jurisdiction ca|eu|both [--json]
organisation show [--json]</source>
        <translation>organisation set --name N --address A --email C [--phone T] [--website W] [--unsubscribe-url https://…] --jurisdiction ca|eu|both [--json]
organisation show [--json]</translation>
    </message>
</context>
<context>
    <name>Cli::OutboxCommand</name>
    <message>
        <source>outbox run [--batch ID] [--until-empty] [--password-file F] [--json]
outbox status [--batch ID] [--details] [--json]
outbox resolve ID --as sent|resend
outbox cancel --batch ID</source>
        <translation>outbox run [--batch LOT] [--until-empty] [--password-file FICHIER] [--json]
outbox status [--batch LOT] [--details] [--json]
outbox resolve ID --as sent|resend
outbox cancel --batch LOT</translation>
    </message>
    <message>
        <source>Unknown outbox command &quot;%1&quot;. Commands: run, status, resolve, cancel.</source>
        <translation>Commande outbox inconnue « %1 ». Commandes : run, status, resolve, cancel.</translation>
    </message>
    <message>
        <source>--batch takes a batch number.</source>
        <translation>--batch prend un numéro de lot.</translation>
    </message>
    <message>
        <source>No sending account yet: run carnet-cli smtp set first.</source>
        <translation>Pas encore de compte d’envoi : lancez d’abord carnet-cli smtp set.</translation>
    </message>
    <message>
        <source>%1 sent, %2 deferred, %3 failed, %4 unknown.</source>
        <translation>%1 envoyés, %2 reportés, %3 en échec, %4 incertains.</translation>
    </message>
    <message>
        <source>The account&apos;s limits are reached; the rest can go from %1.</source>
        <translation>Les limites du compte sont atteintes ; la suite pourra partir à partir de %1.</translation>
    </message>
    <message>
        <source>outbox resolve needs the message&apos;s id.</source>
        <translation>outbox resolve demande le numéro du message.</translation>
    </message>
    <message>
        <source>--as is sent or resend.</source>
        <translation>--as vaut sent ou resend.</translation>
    </message>
    <message>
        <source>Warning: if the first attempt did arrive, the member gets it twice.</source>
        <translation>Attention : si le premier envoi est bien arrivé, le membre le recevra deux fois.</translation>
    </message>
    <message>
        <source>outbox cancel needs --batch.</source>
        <translation>outbox cancel demande --batch.</translation>
    </message>
    <message>
        <source>%1 message(s) cancelled.</source>
        <translation>%1 message(s) annulé(s).</translation>
    </message>
</context>
<context>
    <name>Cli::PreviewCommand</name>
    <message>
        <source>preview needs one file.</source>
        <translation>preview demande un fichier.</translation>
    </message>
    <message>
        <source>Unknown encoding &quot;%1&quot;.</source>
        <translation>Encodage inconnu « %1 ».</translation>
    </message>
    <message>
        <source>--delimiter takes one character, or &quot;tab&quot;, not &quot;%1&quot;.</source>
        <translation>--delimiter prend un caractère, ou « tab », pas « %1 ».</translation>
    </message>
    <message>
        <source>--limit takes a number of rows.</source>
        <translation>--limit prend un nombre de lignes.</translation>
    </message>
    <message>
        <source>Encoding: %1%2; separator: %3; header: %4; rows: %5</source>
        <translation>Encodage : %1%2 ; séparateur : %3 ; en-tête : %4 ; lignes : %5</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation>  ligne %1 : %2</translation>
    </message>
    <message>
        <source>preview FILE [--sheet NAME|NUMBER] [--encoding E] [--delimiter D|tab] [--no-header] [--limit N] [--json]</source>
        <translation>preview FICHIER [--sheet NOM|NUMÉRO] [--encoding E] [--delimiter D|tab] [--no-header] [--limit N] [--json]</translation>
    </message>
    <message>
        <source>Sheet: %1; header: %2; rows: %3</source>
        <translation>Feuille : %1 ; en-tête : %2 ; lignes : %3</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation> (masquée)</translation>
    </message>
    <message numerus="yes">
        <source>  sheet “%1”: %n row(s)%2</source>
        <translation>
            <numerusform>  feuille « %1 » : %n ligne%2</numerusform>
            <numerusform>  feuille « %1 » : %n lignes%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli::PurposesCommand</name>
    <message>
        <source>purposes list [--json]
purposes add KEY --label L [--basis-ca express|implied-membership|legitimate-interest] [--basis-eu …] [--json]</source>
        <translation>purposes list [--json]
purposes add CLÉ --label LIBELLÉ [--basis-ca express|implied-membership|legitimate-interest] [--basis-eu …] [--json]</translation>
    </message>
    <message>
        <source>Unknown purposes command &quot;%1&quot;. Commands: list, add.</source>
        <translation>Commande purposes inconnue « %1 ». Commandes : list, add.</translation>
    </message>
    <message>
        <source>purposes add needs a KEY, such as events.</source>
        <translation>purposes add demande une CLÉ, comme events.</translation>
    </message>
    <message>
        <source>purposes add needs --label.</source>
        <translation>purposes add demande --label.</translation>
    </message>
    <message>
        <source>--%1 is one of express, implied-membership, legitimate-interest.</source>
        <translation>--%1 vaut express, implied-membership ou legitimate-interest.</translation>
    </message>
    <message>
        <source>Purpose added: %1 (%2).</source>
        <translation>Finalité ajoutée : %1 (%2).</translation>
    </message>
</context>
<context>
    <name>Cli::ReportCommand</name>
    <message>
        <source>report save needs --definition with a readable JSON file.</source>
        <translation>report save demande --definition avec un fichier JSON lisible.</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 n’est pas un objet JSON : %2</translation>
    </message>
    <message>
        <source>Report &quot;%1&quot; saved.</source>
        <translation>Rapport « %1 » enregistré.</translation>
    </message>
    <message>
        <source>report show needs a report name.</source>
        <translation>report show demande le nom d’un rapport.</translation>
    </message>
    <message>
        <source>report delete needs a report name.</source>
        <translation>report delete demande le nom d’un rapport.</translation>
    </message>
    <message>
        <source>report run needs a report name.</source>
        <translation>report run demande le nom d’un rapport.</translation>
    </message>
    <message>
        <source>--param takes KEY=VALUE, not &quot;%1&quot;.</source>
        <translation>--param prend CLÉ=VALEUR, pas « %1 ».</translation>
    </message>
    <message>
        <source>--preset is excel-fr, excel-en or mailchimp.</source>
        <translation>--preset vaut excel-fr, excel-en ou mailchimp.</translation>
    </message>
    <message>
        <source>--delimiter is &apos;,&apos;, &apos;;&apos; or tab.</source>
        <translation>--delimiter vaut « , », « ; » ou tab.</translation>
    </message>
    <message>
        <source>%1 row(s) written to %2.</source>
        <translation>%1 ligne(s) écrite(s) dans %2.</translation>
    </message>
    <message>
        <source>Left out for mailing: %1</source>
        <translation>Laissés de côté pour l’envoi : %1</translation>
    </message>
    <message>
        <source>Reminder: this file holds personal data; keep it safe and delete it when done.</source>
        <translation>Rappel : ce fichier contient des données personnelles ; gardez-le en lieu sûr et supprimez-le une fois fini.</translation>
    </message>
    <message>
        <source>Unknown report command &quot;%1&quot;. Commands: save, list, show, delete, run, totals.</source>
        <translation>Commande report inconnue « %1 ». Commandes : save, list, show, delete, run, totals.</translation>
    </message>
    <message>
        <source>report totals needs a report name.</source>
        <translation>report totals demande le nom d’un rapport.</translation>
    </message>
    <message>
        <source>Total	%1</source>
        <translation>Total	%1</translation>
    </message>
    <message>
        <source>A spreadsheet is written to a file: add --output FILE.</source>
        <translation>Un classeur s’écrit dans un fichier : ajoutez --output FICHIER.</translation>
    </message>
    <message>
        <source>--delimiter and --bom are for a CSV, not a spreadsheet.</source>
        <translation>--delimiter et --bom valent pour un CSV, pas pour un classeur.</translation>
    </message>
    <message>
        <source>--format is csv, tsv, xlsx or ods.</source>
        <translation>--format vaut csv, tsv, xlsx ou ods.</translation>
    </message>
    <message>
        <source>report save --definition FILE.json
report list [--json]
report show NAME --json
report delete NAME
report run NAME [--param KEY=VALUE]… [--output FILE] [--format csv|tsv|xlsx|ods] [--delimiter &apos;,&apos;|&apos;;&apos;|tab]
  [--bom] [--preset excel-fr|excel-en|mailchimp] [--for-mailing PURPOSE] [--json]
report totals NAME [--param KEY=VALUE]… [--json]</source>
        <translation>report save --definition FICHIER.json
report list [--json]
report show NOM --json
report delete NOM
report run NOM [--param CLÉ=VALEUR]… [--output FICHIER] [--format csv|tsv|xlsx|ods] [--delimiter &apos;,&apos;|&apos;;&apos;|tab]
  [--bom] [--preset excel-fr|excel-en|mailchimp] [--for-mailing FINALITÉ] [--json]
report totals NOM [--param CLÉ=VALEUR]… [--json]</translation>
    </message>
</context>
<context>
    <name>Cli::ServerCommand</name>
    <message>
        <source>The server command needs --database postgresql://USER@HOST[:PORT]/DATABASE.</source>
        <translation>La commande server demande --database postgresql://UTILISATEUR@HÔTE[:PORT]/BASE.</translation>
    </message>
    <message>
        <source>Give one local member file: server %1 FILE.sqlite.</source>
        <translation>Indiquez un fichier de membres local : server %1 FICHIER.sqlite.</translation>
    </message>
    <message>
        <source>Created Carnet&apos;s tables (version %1) in %2.</source>
        <translation>Tables de Carnet créées (version %1) dans %2.</translation>
    </message>
    <message>
        <source>Upgraded %1 from version %2 to %3.</source>
        <translation>%1 mis à jour de la version %2 à la version %3.</translation>
    </message>
    <message>
        <source>%1 is ready (version %2).</source>
        <translation>%1 est prêt (version %2).</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <source>	DIFFERS from the source</source>
        <translation>	DIFFÈRE de l’original</translation>
    </message>
    <message>
        <source>Copied %1 to %2; every table compares equal.</source>
        <translation>%1 copié vers %2 ; chaque table est identique.</translation>
    </message>
    <message>
        <source>The copy differs from the source.</source>
        <translation>La copie diffère de l’original.</translation>
    </message>
    <message>
        <source>server setup --database postgresql://USER@HOST/DB [--json]
server copy-from FILE.sqlite --database postgresql://USER@HOST/DB [--json]
server copy-to FILE.sqlite --database postgresql://USER@HOST/DB [--json]
server grant LOGIN --role admin|editor|reader [--section S]... [--create --password-file F] --database URL
server revoke LOGIN --database URL
server volunteers [--json] --database URL</source>
        <translation>server setup --database postgresql://UTILISATEUR@HÔTE/BASE [--json]
server copy-from FICHIER.sqlite --database postgresql://UTILISATEUR@HÔTE/BASE [--json]
server copy-to FICHIER.sqlite --database postgresql://UTILISATEUR@HÔTE/BASE [--json]
server grant IDENTIFIANT --role admin|editor|reader [--section S]... [--create --password-file F] --database URL
server revoke IDENTIFIANT --database URL
server volunteers [--json] --database URL</translation>
    </message>
    <message>
        <source>Unknown server command &quot;%1&quot;. Commands: setup, copy-from, copy-to, grant, revoke, volunteers.</source>
        <translation>Commande server inconnue « %1 ». Commandes : setup, copy-from, copy-to, grant, revoke, volunteers.</translation>
    </message>
    <message>
        <source>Give the role: --role admin, editor or reader.</source>
        <translation>Indiquez le rôle : --role admin, editor ou reader.</translation>
    </message>
    <message>
        <source>--create needs --password-file FILE (the new login&apos;s password, never on the command line), and --password-file goes with --create.</source>
        <translation>--create demande --password-file FICHIER (le mot de passe du nouvel identifiant, jamais sur la ligne de commande), et --password-file va avec --create.</translation>
    </message>
    <message>
        <source>Cannot read the password file %1.</source>
        <translation>Impossible de lire le fichier de mot de passe %1.</translation>
    </message>
    <message>
        <source>%1 is now %2 of %3, for every member.</source>
        <translation>%1 est maintenant %2 de %3, pour tous les membres.</translation>
    </message>
    <message>
        <source>%1 is now %2 of %3, for the sections %4.</source>
        <translation>%1 est maintenant %2 de %3, pour les sections %4.</translation>
    </message>
    <message>
        <source>%1 no longer has access to %2 (the login stays on the server).</source>
        <translation>%1 n’a plus accès à %2 (l’identifiant reste sur le serveur).</translation>
    </message>
    <message>
        <source>%1 was not a volunteer of %2; nothing to take away.</source>
        <translation>%1 n’était pas bénévole de %2 ; rien à retirer.</translation>
    </message>
    <message>
        <source>No volunteers yet: give one access with server grant LOGIN --role R.</source>
        <translation>Aucun bénévole pour l’instant : donnez un accès avec server grant IDENTIFIANT --role R.</translation>
    </message>
    <message>
        <source>every member</source>
        <translation>tous les membres</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
</context>
<context>
    <name>Cli::SmtpCommand</name>
    <message>
        <source>Cannot read the password file %1.</source>
        <translation>Impossible de lire le fichier de mot de passe %1.</translation>
    </message>
    <message>
        <source>--%1 takes a number (0: no limit).</source>
        <translation>--%1 prend un nombre (0 : pas de limite).</translation>
    </message>
    <message>
        <source>--port takes a number between 1 and 65535.</source>
        <translation>--port prend un nombre entre 1 et 65535.</translation>
    </message>
    <message>
        <source>--security is starttls, tls or none.</source>
        <translation>--security vaut starttls, tls ou none.</translation>
    </message>
    <message>
        <source>Warning: without encryption, messages and the password travel in clear. Use this only for a relay on this computer or your local network.</source>
        <translation>Attention : sans chiffrement, les messages et le mot de passe circulent en clair. Ne l’utilisez que pour un relais sur cet ordinateur ou votre réseau local.</translation>
    </message>
    <message>
        <source>--from takes &quot;Name &lt;address&gt;&quot; or an address.</source>
        <translation>--from prend « Nom &lt;adresse&gt; » ou une adresse.</translation>
    </message>
    <message>
        <source>Sending through %1:%2 as %3.</source>
        <translation>Envoi par %1:%2 en tant que %3.</translation>
    </message>
    <message>
        <source>smtp test needs --to.</source>
        <translation>smtp test demande --to.</translation>
    </message>
    <message>
        <source>No sending account yet: run carnet-cli smtp set first.</source>
        <translation>Pas encore de compte d’envoi : lancez d’abord carnet-cli smtp set.</translation>
    </message>
    <message>
        <source>Carnet: test message</source>
        <translation>Carnet : message d’essai</translation>
    </message>
    <message>
        <source>This message was sent by Carnet to check the sending account (%1:%2).</source>
        <translation>Ce message a été envoyé par Carnet pour vérifier le compte d’envoi (%1:%2).</translation>
    </message>
    <message>
        <source>The test message was accepted: %1</source>
        <translation>Le message d’essai a été accepté : %1</translation>
    </message>
    <message>
        <source>The test message was not sent: %1</source>
        <translation>Le message d’essai n’a pas été envoyé : %1</translation>
    </message>
    <message>
        <source>Unknown smtp command &quot;%1&quot;. Commands: set, show, test, presets.</source>
        <translation>Commande smtp inconnue « %1 ». Commandes : set, show, test, presets.</translation>
    </message>
    <message>
        <source>Unknown preset &quot;%1&quot;. Presets: %2.</source>
        <translation>Fournisseur inconnu « %1 ». Fournisseurs : %2.</translation>
    </message>
    <message>
        <source>The account signs in as %1: give the password in CARNET_SMTP_PASSWORD, with --password-file, or keep it in the keychain with smtp set --store-password.</source>
        <translation>Le compte se connecte en tant que %1 : donnez le mot de passe dans CARNET_SMTP_PASSWORD, avec --password-file, ou gardez-le dans le trousseau avec smtp set --store-password.</translation>
    </message>
    <message>
        <source>The password could not be kept in the keychain (%1): give it in CARNET_SMTP_PASSWORD or with --password-file when sending.</source>
        <translation>Le mot de passe n’a pas pu être gardé dans le trousseau (%1) : donnez-le dans CARNET_SMTP_PASSWORD ou avec --password-file au moment d’envoyer.</translation>
    </message>
    <message>
        <source>smtp set [--preset NAME] --host H --port P --security starttls|tls|none --user U --from &quot;Name &lt;addr&gt;&quot; [--reply-to A]
  [--per-minute N] [--per-hour N] [--per-day N] [--per-connection N] [--ca-file PEM]
  [--trust-fingerprint SHA256] [--retry-seconds N] [--timeout-seconds N] [--helo NAME] [--json]
smtp show [--json]
smtp presets   (common providers: server, port, security, conservative limits)
smtp test --to ADDR [--password-file F] [--json]   (password: CARNET_SMTP_PASSWORD or --password-file)</source>
        <translation>smtp set [--preset NOM] --host HÔTE --port PORT --security starttls|tls|none --user UTILISATEUR --from &quot;Nom &lt;adresse&gt;&quot; [--reply-to ADRESSE]
  [--per-minute N] [--per-hour N] [--per-day N] [--per-connection N] [--ca-file PEM]
  [--trust-fingerprint SHA256] [--retry-seconds N] [--timeout-seconds N] [--helo NOM] [--json]
smtp show [--json]
smtp presets   (fournisseurs courants : serveur, port, sécurité, limites prudentes)
smtp test --to ADRESSE [--password-file FICHIER] [--json]   (mot de passe : CARNET_SMTP_PASSWORD ou --password-file)</translation>
    </message>
</context>
<context>
    <name>Cli::UnsubscribeCommand</name>
    <message>
        <source>unsubscribe (--token T | --message FILE.eml) [--json]
unsubscribe --list [--json]
unsubscribe --process ID [--purpose P]… (none: every purpose)</source>
        <translation>unsubscribe (--token J | --message FICHIER.eml) [--json]
unsubscribe --list [--json]
unsubscribe --process ID [--purpose F]… (aucune : toutes les finalités)</translation>
    </message>
    <message>
        <source>to process by %1</source>
        <translation>à traiter avant le %1</translation>
    </message>
    <message>
        <source>--process takes a request number.</source>
        <translation>--process prend le numéro d’une demande.</translation>
    </message>
    <message>
        <source>unsubscribe needs --token T or --message FILE.eml.</source>
        <translation>unsubscribe demande --token J ou --message FICHIER.eml.</translation>
    </message>
    <message>
        <source>token (carnet-cli)</source>
        <translation>jeton (carnet-cli)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is too large to be an unsubscribe reply.</source>
        <translation>%1 est trop gros pour être une réponse de désabonnement.</translation>
    </message>
    <message>
        <source>message %1</source>
        <translation>message %1</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1 : %2.</translation>
    </message>
    <message>
        <source>No valid token in it: recorded as request %1 (%2), to process by %3.</source>
        <translation>Aucun jeton valide : enregistrée comme demande %1 (%2), à traiter avant le %3.</translation>
    </message>
    <message>
        <source>sender not in the member file</source>
        <translation>expéditeur absent du fichier des membres</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>Express consent</source>
        <translation>Consentement exprès</translation>
    </message>
    <message>
        <source>Implied by membership</source>
        <translation>Tacite (adhésion)</translation>
    </message>
    <message>
        <source>Implied, with an expiry date</source>
        <translation>Tacite, avec date d’expiration</translation>
    </message>
    <message>
        <source>Legitimate interest</source>
        <translation>Intérêt légitime</translation>
    </message>
    <message>
        <source>Canada (CASL)</source>
        <translation>Canada (LCAP)</translation>
    </message>
    <message>
        <source>European Union (GDPR)</source>
        <translation>Union européenne (RGPD)</translation>
    </message>
    <message>
        <source>Both (CASL and GDPR)</source>
        <translation>Les deux (LCAP et RGPD)</translation>
    </message>
    <message>
        <source>Association life</source>
        <translation>Vie associative</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Lettre d’information</translation>
    </message>
    <message>
        <source>Implied consent</source>
        <translation>Consentement tacite</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Pas de consentement</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>Consentement expiré</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Address on the suppression list</source>
        <translation>Adresse sur la liste d’exclusion</translation>
    </message>
    <message>
        <source>Invalid email address</source>
        <translation>Adresse e-mail invalide</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Pas d’adresse e-mail</translation>
    </message>
    <message>
        <source> (the purpose&apos;s default basis)</source>
        <translation> (base par défaut de la finalité)</translation>
    </message>
    <message>
        <source>Withdrawn on %1: a new express consent is needed.</source>
        <translation>Retiré le %1 : un nouveau consentement exprès est nécessaire.</translation>
    </message>
    <message>
        <source>%1 expired on %2.</source>
        <translation>%1 : expiré le %2.</translation>
    </message>
    <message>
        <source>, since %1</source>
        <translation>, depuis le %1</translation>
    </message>
    <message>
        <source>, valid until %1</source>
        <translation>, valable jusqu’au %1</translation>
    </message>
    <message>
        <source>, valid while a member and 2 years after</source>
        <translation>, valable pendant l’adhésion et 2 ans après</translation>
    </message>
    <message>
        <source>, valid until withdrawn</source>
        <translation>, valable jusqu’au retrait</translation>
    </message>
    <message>
        <source>Address undeliverable (mail came back)</source>
        <translation>Adresse non distribuable (courrier revenu)</translation>
    </message>
</context>
<context>
    <name>Consent::ConsentService</name>
    <message>
        <source>There is no purpose &quot;%1&quot;. Purposes: %2.</source>
        <translation>Il n’y a pas de finalité « %1 ». Finalités : %2.</translation>
    </message>
    <message>
        <source>A purpose key is made of lower-case letters, digits, &quot;-&quot; and &quot;_&quot;, starting with a letter (for example &quot;events&quot;).</source>
        <translation>Une clé de finalité se compose de minuscules, de chiffres, de « - » et de « _ », et commence par une lettre (par exemple « events »).</translation>
    </message>
    <message>
        <source>The purpose needs a label.</source>
        <translation>La finalité doit avoir un libellé.</translation>
    </message>
    <message>
        <source>A default basis cannot be implied with an expiry date: it has no date.</source>
        <translation>Une base par défaut ne peut pas être tacite avec expiration : elle n’a pas de date.</translation>
    </message>
    <message>
        <source>The purpose &quot;%1&quot; already exists.</source>
        <translation>La finalité « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>The date of the consent cannot be in the future.</source>
        <translation>La date du consentement ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>Implied consent needs its expiry date.</source>
        <translation>Le consentement tacite demande sa date d’expiration.</translation>
    </message>
    <message>
        <source>The expiry date comes before the date of the consent.</source>
        <translation>La date d’expiration précède la date du consentement.</translation>
    </message>
    <message>
        <source>Only implied consent has an expiry date; express consent lasts until withdrawn.</source>
        <translation>Seul le consentement tacite a une date d’expiration ; le consentement exprès vaut jusqu’au retrait.</translation>
    </message>
    <message>
        <source>Say where the consent comes from (paper form, general assembly, phone…).</source>
        <translation>Indiquez d’où vient le consentement (formulaire papier, assemblée générale, téléphone…).</translation>
    </message>
    <message>
        <source>Cannot read the evidence file %1.</source>
        <translation>Impossible de lire le justificatif %1.</translation>
    </message>
    <message>
        <source>The evidence file %1 is larger than 25 MB; keep a smaller scan.</source>
        <translation>Le justificatif %1 dépasse 25 Mo ; gardez un scan plus léger.</translation>
    </message>
    <message>
        <source>%1&apos;s address is on the suppression list: only a new express consent, recorded explicitly, can allow it again.</source>
        <translation>L’adresse de %1 est sur la liste d’exclusion : seul un nouveau consentement exprès, enregistré explicitement, peut la réautoriser.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was recorded.</source>
        <translation>Annulé : rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The date of the withdrawal cannot be in the future.</source>
        <translation>La date du retrait ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>Say how the withdrawal came (unsubscribe link, email reply, phone, letter…).</source>
        <translation>Indiquez comment le retrait est arrivé (lien de désinscription, réponse par e-mail, téléphone, lettre…).</translation>
    </message>
    <message>
        <source>A consent condition is eligible, not_eligible, withdrawn or expiring, not &quot;%1&quot;.</source>
        <translation>Une condition de consentement vaut eligible, not_eligible, withdrawn ou expiring, pas « %1 ».</translation>
    </message>
</context>
<context>
    <name>Consent::DemoConsent</name>
    <message>
        <source>Paper form, general assembly</source>
        <translation>Formulaire papier, assemblée générale</translation>
    </message>
    <message>
        <source>Website form</source>
        <translation>Formulaire du site web</translation>
    </message>
    <message>
        <source>I would like to receive the library&apos;s newsletter (form v2).</source>
        <translation>Je souhaite recevoir la lettre d’information de la bibliothèque (formulaire v2).</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Lien de désinscription</translation>
    </message>
    <message>
        <source>Friends of the Park</source>
        <translation>Les Amis du Parc</translation>
    </message>
    <message>
        <source>12 Lilac Street
75011 Paris</source>
        <translation>12 rue des Lilas
75011 Paris</translation>
    </message>
</context>
<context>
    <name>Consent::Organisation</name>
    <message>
        <source>The organisation needs a name.</source>
        <translation>L’organisation doit avoir un nom.</translation>
    </message>
    <message>
        <source>The postal address is required: every message must carry it.</source>
        <translation>L’adresse postale est obligatoire : chaque message doit la porter.</translation>
    </message>
    <message>
        <source>The contact email is not valid: %1</source>
        <translation>L’adresse e-mail de contact n’est pas valide : %1</translation>
    </message>
    <message>
        <source>The unsubscribe page must be an https:// address.</source>
        <translation>La page de désabonnement doit être une adresse https://.</translation>
    </message>
</context>
<context>
    <name>Core::EmailAddress</name>
    <message>
        <source>There must be something before the @ sign.</source>
        <translation>Il doit y avoir quelque chose avant le signe @.</translation>
    </message>
    <message>
        <source>Addresses with quotes before the @ sign are refused by most mail servers.</source>
        <translation>Les adresses avec des guillemets avant le signe @ sont refusées par la plupart des serveurs de messagerie.</translation>
    </message>
    <message>
        <source>The part before the @ sign contains characters that are not allowed: %1.</source>
        <translation>La partie avant le signe @ contient des caractères non autorisés : %1.</translation>
    </message>
    <message>
        <source>An email address cannot start with a period.</source>
        <translation>Une adresse ne peut pas commencer par un point.</translation>
    </message>
    <message>
        <source>An email address cannot have a period just before the @ sign.</source>
        <translation>Une adresse ne peut pas avoir un point juste avant le signe @.</translation>
    </message>
    <message>
        <source>An email address cannot have two periods in a row.</source>
        <translation>Une adresse ne peut pas contenir deux points de suite.</translation>
    </message>
    <message numerus="yes">
        <source>The part before the @ sign is too long (%n character(s) too many).</source>
        <translation>
            <numerusform>La partie avant le signe @ est trop longue (%n caractère de trop).</numerusform>
            <numerusform>La partie avant le signe @ est trop longue (%n caractères de trop).</numerusform>
        </translation>
    </message>
    <message>
        <source>There must be a domain after the @ sign, such as example.org.</source>
        <translation>Il doit y avoir un domaine après le signe @, comme exemple.fr.</translation>
    </message>
    <message>
        <source>An IP address after the @ sign is not accepted; use a domain name.</source>
        <translation>Une adresse IP après le signe @ n’est pas acceptée ; utilisez un nom de domaine.</translation>
    </message>
    <message>
        <source>The part after the @ sign contains characters that are not allowed: %1.</source>
        <translation>La partie après le signe @ contient des caractères non autorisés : %1.</translation>
    </message>
    <message>
        <source>An email address cannot have a period just after the @ sign.</source>
        <translation>Une adresse ne peut pas avoir un point juste après le signe @.</translation>
    </message>
    <message>
        <source>An email address cannot end with a period.</source>
        <translation>Une adresse ne peut pas se terminer par un point.</translation>
    </message>
    <message>
        <source>An email address cannot have a hyphen just after the @ sign.</source>
        <translation>Une adresse ne peut pas avoir un trait d’union juste après le signe @.</translation>
    </message>
    <message>
        <source>An email address cannot end with a hyphen.</source>
        <translation>Une adresse ne peut pas se terminer par un trait d’union.</translation>
    </message>
    <message>
        <source>An email address cannot have a period and a hyphen next to each other.</source>
        <translation>Une adresse ne peut pas avoir un point et un trait d’union côte à côte.</translation>
    </message>
    <message>
        <source>The part after the @ sign is not a complete domain: it should have a period, as in example.org.</source>
        <translation>La partie après le signe @ n’est pas un domaine complet : il lui faut un point, comme dans exemple.fr.</translation>
    </message>
    <message>
        <source>The part after the @ sign is not a valid international domain name.</source>
        <translation>La partie après le signe @ n’est pas un nom de domaine international valide.</translation>
    </message>
    <message numerus="yes">
        <source>A part of the domain between periods is too long (%n character(s) too many).</source>
        <translation>
            <numerusform>Une partie du domaine entre deux points est trop longue (%n caractère de trop).</numerusform>
            <numerusform>Une partie du domaine entre deux points est trop longue (%n caractères de trop).</numerusform>
        </translation>
    </message>
    <message>
        <source>A domain name cannot have two characters followed by two hyphens, except in punycode (xn--).</source>
        <translation>Un nom de domaine ne peut pas avoir deux caractères suivis de deux traits d’union, sauf en punycode (xn--).</translation>
    </message>
    <message numerus="yes">
        <source>The part after the @ sign is too long (%n character(s) too many).</source>
        <translation>
            <numerusform>La partie après le signe @ est trop longue (%n caractère de trop).</numerusform>
            <numerusform>La partie après le signe @ est trop longue (%n caractères de trop).</numerusform>
        </translation>
    </message>
    <message>
        <source>The domain does not end with a valid top-level domain (such as .org, .fr, .ca).</source>
        <translation>Le domaine ne se termine pas par une extension valide (comme .org, .fr, .ca).</translation>
    </message>
    <message>
        <source>The domain %1 is reserved and cannot receive mail.</source>
        <translation>Le domaine %1 est réservé et ne peut pas recevoir de courrier.</translation>
    </message>
    <message>
        <source>The email address is empty.</source>
        <translation>L’adresse est vide.</translation>
    </message>
    <message>
        <source>An email address cannot contain a line break.</source>
        <translation>Une adresse ne peut pas contenir de saut de ligne.</translation>
    </message>
    <message>
        <source>The address contains a character that could not be read (%1): check the file&apos;s encoding.</source>
        <translation>L’adresse contient un caractère illisible (%1) : vérifiez l’encodage du fichier.</translation>
    </message>
    <message>
        <source>Enter only the address, without a name or angle brackets.</source>
        <translation>Saisissez seulement l’adresse, sans nom ni chevrons.</translation>
    </message>
    <message>
        <source>The address has a full-width or small @ sign instead of a regular @.</source>
        <translation>L’adresse contient un @ pleine chasse ou petit au lieu d’un @ ordinaire.</translation>
    </message>
    <message>
        <source>An email address must have an @ sign.</source>
        <translation>Une adresse doit contenir un signe @.</translation>
    </message>
    <message>
        <source>An email address can have only one @ sign.</source>
        <translation>Une adresse ne peut contenir qu’un seul signe @.</translation>
    </message>
    <message numerus="yes">
        <source>The email address is too long (%n character(s) too many).</source>
        <translation>
            <numerusform>L’adresse est trop longue (%n caractère de trop).</numerusform>
            <numerusform>L’adresse est trop longue (%n caractères de trop).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Core::MemberField</name>
    <message>
        <source>ID</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>N° de membre</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Portable</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>Membre depuis</translation>
    </message>
    <message>
        <source>Membership ends</source>
        <translation>Fin d’adhésion</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Foyer</translation>
    </message>
    <message>
        <source>Other information</source>
        <translation>Autres informations</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifié le</translation>
    </message>
</context>
<context>
    <name>Core::MemberValidator</name>
    <message>
        <source>The first name is required.</source>
        <translation>Le prénom est obligatoire.</translation>
    </message>
    <message>
        <source>The last name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <source>&quot;No email address&quot; is ticked but an address was given.</source>
        <translation>« Pas d’adresse e-mail » est cochée mais une adresse a été saisie.</translation>
    </message>
    <message>
        <source>The email address is required (tick &quot;No email address&quot; if the member has none).</source>
        <translation>L’adresse e-mail est obligatoire (cochez « Pas d’adresse e-mail » si le membre n’en a pas).</translation>
    </message>
    <message>
        <source>The language must be fr or en.</source>
        <translation>La langue doit être fr ou en.</translation>
    </message>
    <message>
        <source>The membership cannot end before it starts.</source>
        <translation>L’adhésion ne peut pas finir avant de commencer.</translation>
    </message>
</context>
<context>
    <name>ExportWizardPageColumns</name>
    <message>
        <source>2. Columns and labels</source>
        <translation>2. Colonnes et intitulés</translation>
    </message>
    <message>
        <source>Tick the columns to write, in this order.</source>
        <translation>Cochez les colonnes à écrire, dans cet ordre.</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>&amp;Descendre</translation>
    </message>
</context>
<context>
    <name>ExportWizardPageFile</name>
    <message>
        <source>4. File</source>
        <translation>4. Fichier</translation>
    </message>
    <message>
        <source>Where to write it. The file is written whole or not at all.</source>
        <translation>Où l’écrire. Le fichier est écrit en entier ou pas du tout.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
</context>
<context>
    <name>ExportWizardPageFormat</name>
    <message>
        <source>1. Format</source>
        <translation>1. Format</translation>
    </message>
    <message>
        <source>What the list is for decides its shape.</source>
        <translation>L’usage de la liste décide de sa forme.</translation>
    </message>
    <message>
        <source>&amp;Mailchimp import: Email Address, First Name, Last Name</source>
        <translation>Import &amp;Mailchimp : Email Address, First Name, Last Name</translation>
    </message>
    <message>
        <source>CSV with &amp;my choices:</source>
        <translation>CSV selon &amp;mes choix :</translation>
    </message>
    <message>
        <source>&amp;Separator</source>
        <translation>&amp;Séparateur</translation>
    </message>
    <message>
        <source>UTF-8 with a &amp;BOM (Excel recognises the accents)</source>
        <translation>UTF-8 avec &amp;BOM (Excel reconnaît les accents)</translation>
    </message>
    <message>
        <source>&amp;Copy the addresses, for the Bcc field of Outlook or Thunderbird</source>
        <translation>&amp;Copier les adresses, pour le champ Cci d’Outlook ou de Thunderbird</translation>
    </message>
    <message>
        <source>Excel &amp;workbook (.xlsx): text stays text (leading zeros kept), dates are dates</source>
        <translation>Classeur E&amp;xcel (.xlsx) : le texte reste du texte (zéros en tête gardés), les dates sont des dates</translation>
    </message>
    <message>
        <source>&amp;LibreOffice spreadsheet (.ods)</source>
        <translation>Classeur &amp;LibreOffice (.ods)</translation>
    </message>
    <message>
        <source>CSV for Excel (&amp;French): columns separated by ;, dates as 31/12/2026</source>
        <translation>CSV pour Excel (&amp;français) : colonnes séparées par ;, dates en 31/12/2026</translation>
    </message>
    <message>
        <source>CSV for Excel (&amp;English): columns separated by commas, dates as 2026-12-31</source>
        <translation>CSV pour Excel (&amp;anglais) : colonnes séparées par des virgules, dates en 2026-12-31</translation>
    </message>
</context>
<context>
    <name>ExportWizardPagePurpose</name>
    <message>
        <source>3. Purpose</source>
        <translation>3. Finalité</translation>
    </message>
    <message>
        <source>A list for mailing holds only the members who agreed to receive that kind of message.</source>
        <translation>Une liste pour un envoi ne contient que les membres qui ont accepté de recevoir ce genre de message.</translation>
    </message>
    <message>
        <source>For a &amp;mailing about:</source>
        <translation>Pour un &amp;envoi au sujet de :</translation>
    </message>
    <message>
        <source>For &amp;administration (every row: a member list for the board, the accounts…)</source>
        <translation>Pour l’&amp;administration (toutes les lignes : liste des membres pour le bureau, la comptabilité…)</translation>
    </message>
</context>
<context>
    <name>Gui::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exporter le journal d’audit</translation>
    </message>
    <message>
        <source>&amp;Volunteer:</source>
        <translation>&amp;Bénévole :</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;OpenDocument spreadsheets (*.ods);;CSV files (*.csv)</source>
        <translation>Classeurs Excel (*.xlsx);;Classeurs OpenDocument (*.ods);;Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>Gui::BackgroundSender</name>
    <message>
        <source>Messages are waiting in the outbox: give the password in Edit › Sending account… and they will go.</source>
        <translation>Des messages attendent dans la boîte d’envoi : donnez le mot de passe dans Édition › Compte d’envoi… et ils partiront.</translation>
    </message>
    <message>
        <source>Outbox: %1%2</source>
        <translation>Boîte d’envoi : %1%2</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) are waiting in the outbox.</source>
        <translation>
            <numerusform>%n message attend dans la boîte d’envoi.</numerusform>
            <numerusform>%n messages attendent dans la boîte d’envoi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Carnet is sending them now.</source>
        <translation>Carnet est en train de les envoyer.</translation>
    </message>
    <message>
        <source>Quit Carnet</source>
        <translation>Quitter Carnet</translation>
    </message>
    <message>
        <source>Send them later: Carnet finishes the message in flight and quits; the rest go the next time Carnet is open. Quit anyway: the message being sent may have to be checked by hand (its fate becomes unknown).</source>
        <translation>Les envoyer plus tard : Carnet termine le message en cours puis quitte ; les autres partiront à la prochaine ouverture de Carnet. Quitter quand même : le message en cours d’envoi devra peut-être être vérifié à la main (son sort devient incertain).</translation>
    </message>
    <message>
        <source>They will go the next time Carnet is open, within the sending account&apos;s limits.</source>
        <translation>Ils partiront à la prochaine ouverture de Carnet, dans les limites du compte d’envoi.</translation>
    </message>
    <message>
        <source>Send them &amp;later</source>
        <translation>Les envoyer &amp;plus tard</translation>
    </message>
    <message>
        <source>&amp;Keep waiting</source>
        <translation>&amp;Attendre l’envoi</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>&amp;Quitter quand même</translation>
    </message>
    <message>
        <source>Outbox: %1</source>
        <translation>Boîte d’envoi : %1</translation>
    </message>
</context>
<context>
    <name>Gui::CampaignComposerDialog</name>
    <message>
        <source>New invitation</source>
        <translation>Nouvelle invitation</translation>
    </message>
    <message>
        <source>New newsletter</source>
        <translation>Nouvelle lettre d’information</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Lettre d’information</translation>
    </message>
    <message>
        <source>Invitation (asks for consent)</source>
        <translation>Invitation (demande le consentement)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>A newsletter goes only to members who agreed to this purpose. An invitation asks for it, and goes to members the association may write to.</source>
        <translation>Une lettre d’information ne va qu’aux membres qui ont accepté cette finalité. Une invitation la demande, et va aux membres à qui l’association peut écrire.</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Finalité</translation>
    </message>
    <message>
        <source>&amp;Audience</source>
        <translation>&amp;Destinataires</translation>
    </message>
    <message>
        <source>Leave empty to send from the sending account&apos;s address. Invitations and newsletters may use different addresses.</source>
        <translation>Laissez vide pour envoyer depuis l’adresse du compte d’envoi. Invitations et lettres peuvent utiliser des adresses différentes.</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Expéditeur</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Objet</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <source>English version (optional)</source>
        <translation>Version anglaise (facultative)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Fields: %1</source>
        <translation>Champs : %1</translation>
    </message>
    <message>
        <source>Use the &amp;default text</source>
        <translation>Utiliser le texte par &amp;défaut</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>&amp;Joindre…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Preview &amp;for</source>
        <translation>Aperçu &amp;pour</translation>
    </message>
    <message>
        <source>Send a &amp;test to me</source>
        <translation>M’envoyer un &amp;essai</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save and s&amp;end…</source>
        <translation>Enregistrer et e&amp;nvoyer…</translation>
    </message>
    <message>
        <source>Invitations %1</source>
        <translation>Invitations %1</translation>
    </message>
    <message>
        <source>Newsletter %1</source>
        <translation>Lettre d’information %1</translation>
    </message>
    <message>
        <source>All members</source>
        <translation>Tous les membres</translation>
    </message>
    <message>
        <source>Never invited</source>
        <translation>Jamais invités</translation>
    </message>
    <message>
        <source>Invited, no answer</source>
        <translation>Invités, sans réponse</translation>
    </message>
    <message>
        <source>Report: %1</source>
        <translation>Rapport : %1</translation>
    </message>
    <message numerus="yes">
        <source>Invited at least %n day(s) ago, no answer</source>
        <translation>
            <numerusform>Invités il y a au moins %n jour, sans réponse</numerusform>
            <numerusform>Invités il y a au moins %n jours, sans réponse</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown fields, left empty for everyone: %1</source>
        <translation>Champs inconnus, laissés vides pour tous : %1</translation>
    </message>
    <message>
        <source>Nobody with an email address in this audience to preview the message for.</source>
        <translation>Personne avec une adresse courriel dans ces destinataires pour prévisualiser le message.</translation>
    </message>
    <message>
        <source>Empty for %1: %2</source>
        <translation>Vides pour %1 : %2</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>The attachments would pass 10 MB: most mail providers refuse such messages. Share large files by a link instead.</source>
        <translation>Les pièces jointes dépasseraient 10 Mo : la plupart des messageries refusent de tels messages. Partagez plutôt les gros fichiers par un lien.</translation>
    </message>
    <message>
        <source>No sending account yet: Edit › Sending account…</source>
        <translation>Pas encore de compte d’envoi : Édition › Compte d’envoi…</translation>
    </message>
    <message>
        <source>From is &quot;Name &lt;address&gt;&quot; or an address.</source>
        <translation>L’expéditeur s’écrit « Nom &lt;adresse&gt; » ou une adresse.</translation>
    </message>
    <message>
        <source>Association &amp;profile…</source>
        <translation>&amp;Profil de l’association…</translation>
    </message>
    <message>
        <source>Campaign “%1”</source>
        <translation>Campagne « %1 »</translation>
    </message>
    <message>
        <source>The test for %1 is in the outbox, on its way to %2.</source>
        <translation>L’essai pour %1 est dans la boîte d’envoi, en route vers %2.</translation>
    </message>
    <message>
        <source>Hello {{first_name}},

Markdown: **bold**, *italic*, - lists, [links](https://…)</source>
        <translation>Bonjour {{prenom}},

Markdown : **gras**, *italique*, - listes, [liens](https://…)</translation>
    </message>
    <message>
        <source>French version (optional)</source>
        <translation>Version française (facultative)</translation>
    </message>
</context>
<context>
    <name>Gui::CampaignsDialog</name>
    <message>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Lettre d’information</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Nobody in this audience may receive it.</source>
        <translation>Personne parmi ces destinataires ne peut la recevoir.</translation>
    </message>
    <message>
        <source>Left out — %1</source>
        <translation>Laissés de côté — %1</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Deferred</source>
        <translation>Différés</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Incertains</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Consent coverage</source>
        <translation>Couverture du consentement</translation>
    </message>
    <message>
        <source>New &amp;newsletter…</source>
        <translation>Nouvelle &amp;lettre…</translation>
    </message>
    <message>
        <source>New &amp;invitation…</source>
        <translation>Nouvelle &amp;invitation…</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>&amp;Envoyer…</translation>
    </message>
    <message>
        <source>&amp;Retry failed and deferred</source>
        <translation>&amp;Réessayer échecs et différés</translation>
    </message>
    <message>
        <source>Re&amp;cipients…</source>
        <translation>&amp;Destinataires…</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe requests…</source>
        <translation>Demandes de &amp;désabonnement…</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>pas encore envoyée</translation>
    </message>
    <message>
        <source>No campaign yet: write a newsletter or an invitation.</source>
        <translation>Aucune campagne : écrivez une lettre d’information ou une invitation.</translation>
    </message>
    <message numerus="yes">
        <source>Sent to %1 of %n recipient(s).</source>
        <translation>
            <numerusform>Envoyée à %1 sur %n destinataire.</numerusform>
            <numerusform>Envoyée à %1 sur %n destinataires.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not sent yet: it would go to %n member(s).</source>
        <translation>
            <numerusform>Pas encore envoyée : elle irait à %n membre.</numerusform>
            <numerusform>Pas encore envoyée : elle irait à %n membres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Messages envoyés</translation>
    </message>
    <message>
        <source>May receive</source>
        <translation>Peuvent recevoir</translation>
    </message>
    <message>
        <source>Members per purpose</source>
        <translation>Membres par finalité</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %n member(s)?</source>
        <translation>
            <numerusform>Envoyer « %1 » à %n membre ?</numerusform>
            <numerusform>Envoyer « %1 » à %n membres ?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Counting the members per purpose…</source>
        <translation>Décompte des membres par finalité…</translation>
    </message>
    <message>
        <source>The members per purpose could not be counted: %1</source>
        <translation>Les membres par finalité n’ont pas pu être comptés : %1</translation>
    </message>
    <message>
        <source>Preparing the summary of “%1”…</source>
        <translation>Préparation du récapitulatif de « %1 »…</translation>
    </message>
    <message>
        <source>Putting the messages of “%1” in the outbox…</source>
        <translation>Mise des messages de « %1 » dans la boîte d’envoi…</translation>
    </message>
    <message>
        <source>Counting the campaigns&apos; recipients…</source>
        <translation>Décompte des destinataires des campagnes…</translation>
    </message>
</context>
<context>
    <name>Gui::CertificateOffer</name>
    <message>
        <source>Trust this certificate</source>
        <translation>Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was refused (%1).
SHA-256: %2
Subject: %3
Issuer: %4
Valid from %5 to %6</source>
        <translation>Le certificat du serveur a été refusé (%1).
SHA-256 : %2
Sujet : %3
Émetteur : %4
Valide du %5 au %6</translation>
    </message>
</context>
<context>
    <name>Gui::ColumnChooser</name>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
</context>
<context>
    <name>Gui::ConsentColumns</name>
    <message>
        <source>Consent: %1</source>
        <translation>Consentement : %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>jusqu’au %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Undeliverable since %1: %2.
Left out of every mailing until the address is corrected, or marked deliverable again (Mailings menu).</source>
        <translation>Adresse non distribuable depuis le %1 : %2.
Exclue de tous les envois jusqu’à ce que l’adresse soit corrigée ou marquée de nouveau distribuable (menu Envois).</translation>
    </message>
    <message>
        <source>Away: an automatic reply came back on %1. Nothing else changes.</source>
        <translation>Absent : une réponse automatique est revenue le %1. Rien d’autre ne change.</translation>
    </message>
</context>
<context>
    <name>Gui::ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Enregistrer un consentement</translation>
    </message>
    <message>
        <source>Record withdrawal</source>
        <translation>Enregistrer un retrait</translation>
    </message>
    <message>
        <source>Consent given by &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Consentement donné par &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; no longer wants these messages.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ne veut plus de ces messages.</translation>
    </message>
    <message>
        <source>Every purpose (unsubscribe from everything)</source>
        <translation>Toutes les finalités (désinscription de tout)</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Finalité</translation>
    </message>
    <message>
        <source>&amp;Basis</source>
        <translation>&amp;Base</translation>
    </message>
    <message>
        <source>&amp;Date on the form</source>
        <translation>&amp;Date sur le formulaire</translation>
    </message>
    <message>
        <source>&amp;Date of the request</source>
        <translation>&amp;Date de la demande</translation>
    </message>
    <message>
        <source>&amp;Expires on</source>
        <translation>&amp;Expire le</translation>
    </message>
    <message>
        <source>Paper form</source>
        <translation>Formulaire papier</translation>
    </message>
    <message>
        <source>General assembly</source>
        <translation>Assemblée générale</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Appel téléphonique</translation>
    </message>
    <message>
        <source>Website form</source>
        <translation>Formulaire du site web</translation>
    </message>
    <message>
        <source>Email reply</source>
        <translation>Réponse par e-mail</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Lien de désinscription</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En personne</translation>
    </message>
    <message>
        <source>Where it comes from, e.g. general assembly 2026</source>
        <translation>D’où il vient, p. ex. assemblée générale 2026</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <source>The sentence the member agreed to, or the form&apos;s version</source>
        <translation>La phrase acceptée par le membre, ou la version du formulaire</translation>
    </message>
    <message>
        <source>What the member said (optional)</source>
        <translation>Ce que le membre a dit (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Wording</source>
        <translation>&amp;Libellé</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>&amp;Propos</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>A scan of the form or the member&apos;s email (optional)</source>
        <translation>Un scan du formulaire ou l’e-mail du membre (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Justificatif</translation>
    </message>
    <message>
        <source>E&amp;vidence</source>
        <translation>&amp;Justificatif</translation>
    </message>
    <message>
        <source>Recorded &amp;by</source>
        <translation>Enregistré &amp;par</translation>
    </message>
    <message>
        <source>%1 was unsubscribed from everything; the address will not be mailed again.</source>
        <translation>%1 a été désinscrit·e de tout ; l’adresse ne recevra plus de messages.</translation>
    </message>
    <message>
        <source>Withdrawal recorded for %1.</source>
        <translation>Retrait enregistré pour %1.</translation>
    </message>
    <message>
        <source>Consent recorded for %1.</source>
        <translation>Consentement enregistré pour %1.</translation>
    </message>
    <message numerus="yes">
        <source>Record &quot;%1&quot; (%2) for %n member(s)?</source>
        <translation>
            <numerusform>Enregistrer « %1 » (%2) pour %n membre ?</numerusform>
            <numerusform>Enregistrer « %1 » (%2) pour %n membres ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Consent recorded for %n member(s).</source>
        <translation>
            <numerusform>Consentement enregistré pour %n membre.</numerusform>
            <numerusform>Consentement enregistré pour %n membres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on the suppression list were left out.</source>
        <translation>
            <numerusform>%n membre sur la liste d’exclusion a été laissé de côté.</numerusform>
            <numerusform>%n membres sur la liste d’exclusion ont été laissés de côté.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recording consent for %n member(s)…</source>
        <translation>
            <numerusform>Enregistrement du consentement de %n membre…</numerusform>
            <numerusform>Enregistrement du consentement de %n membres…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::CopyAddressesDialog</name>
    <message>
        <source>Copy the addresses for mailing</source>
        <translation>Copier les adresses pour un envoi</translation>
    </message>
    <message>
        <source>&amp;Purpose of the message</source>
        <translation>&amp;Finalité du message</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) may receive this message.</source>
        <translation>
            <numerusform>%n adresse peut recevoir ce message.</numerusform>
            <numerusform>%n adresses peuvent recevoir ce message.</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out — %1.</source>
        <translation>Laissés de côté — %1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Gui::ExportWizard</name>
    <message>
        <source>Export %1</source>
        <translation>Exporter %1</translation>
    </message>
</context>
<context>
    <name>Gui::ExportWizardPageColumns</name>
    <message>
        <source>Header: column names in your language</source>
        <translation>En-tête : noms des colonnes en français</translation>
    </message>
    <message>
        <source>Header: field names (email, first_name…)</source>
        <translation>En-tête : noms des champs (email, first_name…)</translation>
    </message>
</context>
<context>
    <name>Gui::ExportWizardPageFile</name>
    <message>
        <source>File to write</source>
        <translation>Fichier à écrire</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;Text files (*.txt *.tsv)</source>
        <translation>Fichiers CSV (*.csv);;Fichiers texte (*.txt *.tsv)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) written to %1.</source>
        <translation>
            <numerusform>%Ln ligne écrite dans %1.</numerusform>
            <numerusform>%Ln lignes écrites dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finish copies them to the clipboard; paste them into the Bcc field (never To or Cc).</source>
        <translation>Copier les place dans le presse-papiers ; collez-les dans le champ Cci (jamais À ni Cc).</translation>
    </message>
    <message>
        <source>4. The addresses</source>
        <translation>4. Les adresses</translation>
    </message>
    <message>
        <source>4. File</source>
        <translation>4. Fichier</translation>
    </message>
    <message>
        <source>Gathering the addresses…</source>
        <translation>Rassemblement des adresses…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Écrire</translation>
    </message>
    <message numerus="yes">
        <source>%Ln address(es) copied; paste them into the Bcc field.</source>
        <translation>
            <numerusform>%Ln adresse copiée ; collez-la dans le champ Cci.</numerusform>
            <numerusform>%Ln adresses copiées ; collez-les dans le champ Cci.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a folder: give a file name.</source>
        <translation>%1 est un dossier : donnez un nom de fichier.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Remplacer le fichier ?</translation>
    </message>
    <message>
        <source>%1 exists already. Replace it?</source>
        <translation>%1 existe déjà. Le remplacer ?</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Écriture…</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created: choose another one.</source>
        <translation>Le dossier %1 ne peut pas être créé : choisissez-en un autre.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>OpenDocument spreadsheets (*.ods)</source>
        <translation>Classeurs OpenDocument (*.ods)</translation>
    </message>
</context>
<context>
    <name>Gui::ExportWizardPageFormat</name>
    <message>
        <source>Comma ,</source>
        <translation>Virgule ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>Point-virgule ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
</context>
<context>
    <name>Gui::ExportWizardPagePurpose</name>
    <message numerus="yes">
        <source>%Ln address(es) of members who agreed.</source>
        <translation>
            <numerusform>%Ln adresse de membre qui a accepté.</numerusform>
            <numerusform>%Ln adresses de membres qui ont accepté.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) will be written.</source>
        <translation>
            <numerusform>%Ln ligne sera écrite.</numerusform>
            <numerusform>%Ln lignes seront écrites.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>No one is left out.</source>
        <translation>Personne n’est laissé de côté.</translation>
    </message>
    <message>
        <source>Left out — %1.</source>
        <translation>Laissés de côté — %1.</translation>
    </message>
    <message>
        <source>Reminder: this file holds personal data. Keep it where only the people who need it can read it, and delete it when done.</source>
        <translation>Rappel : ce fichier contient des données personnelles. Gardez-le là où seules les personnes qui en ont besoin peuvent le lire, et supprimez-le une fois fini.</translation>
    </message>
    <message>
        <source>Checking consent…</source>
        <translation>Vérification des consentements…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
</context>
<context>
    <name>Gui::FileActions</name>
    <message>
        <source>&amp;Open another member file…</source>
        <translation>&amp;Ouvrir un autre fichier de membres…</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Enregistrer une copie…</translation>
    </message>
    <message>
        <source>&amp;Undo an import</source>
        <translation>&amp;Annuler un import</translation>
    </message>
    <message>
        <source>Open a member file</source>
        <translation>Ouvrir un fichier de membres</translation>
    </message>
    <message>
        <source>Carnet member files (*.sqlite *.carnet);;All files (*)</source>
        <translation>Fichiers de membres Carnet (*.sqlite *.carnet);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>This member file is the one open here.</source>
        <translation>Ce fichier de membres est celui qui est ouvert ici.</translation>
    </message>
    <message>
        <source>Carnet could not be started for %1.</source>
        <translation>Carnet n’a pas pu être lancé pour %1.</translation>
    </message>
    <message>
        <source>%1 copy %2.sqlite</source>
        <translation>%1 copie %2.sqlite</translation>
    </message>
    <message>
        <source>Save a copy of the member file</source>
        <translation>Enregistrer une copie du fichier de membres</translation>
    </message>
    <message>
        <source>Carnet member files (*.sqlite)</source>
        <translation>Fichiers de membres Carnet (*.sqlite)</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <source>Choose another file than the member file itself.</source>
        <translation>Choisissez un autre fichier que le fichier de membres lui-même.</translation>
    </message>
    <message>
        <source>A copy of the member file was saved as %1.</source>
        <translation>Une copie du fichier de membres a été enregistrée sous %1.</translation>
    </message>
    <message>
        <source>%1 — %2 (%3 created, %4 updated)</source>
        <translation>%1 — %2 (%3 créés, %4 mis à jour)</translation>
    </message>
    <message>
        <source>No import to undo</source>
        <translation>Aucun import à annuler</translation>
    </message>
    <message>
        <source>Undo an import</source>
        <translation>Annuler un import</translation>
    </message>
    <message>
        <source>Undo the import of %1? The members it created are deleted and the members it changed are put back as they were.</source>
        <translation>Annuler l’import de %1 ? Les membres qu’il a créés sont supprimés et ceux qu’il a modifiés retrouvent leurs valeurs d’avant.</translation>
    </message>
    <message>
        <source>The import of %1 was undone.</source>
        <translation>L’import de %1 a été annulé.</translation>
    </message>
    <message>
        <source>Open a s&amp;hared member file…</source>
        <translation>Ouvrir un fichier de membres &amp;partagé…</translation>
    </message>
    <message>
        <source>&amp;Save a local copy…</source>
        <translation>&amp;Enregistrer une copie locale…</translation>
    </message>
    <message>
        <source>&amp;Move this member file to a server…</source>
        <translation>&amp;Déplacer ce fichier de membres sur un serveur…</translation>
    </message>
    <message>
        <source>Copying %1: %2 of %3 rows…</source>
        <translation>Copie de %1 : %2 lignes sur %3…</translation>
    </message>
    <message>
        <source>The copy does not compare equal to the member file; do not use it.</source>
        <translation>La copie n’est pas identique au fichier de membres : ne l’utilisez pas.</translation>
    </message>
    <message>
        <source>Move this member file to a server</source>
        <translation>Déplacer ce fichier de membres sur un serveur</translation>
    </message>
    <message>
        <source>Every table is copied into an empty database on the server, then compared. This file stays as it is; keep it as a backup.</source>
        <translation>Chaque table est copiée dans une base vide du serveur, puis comparée. Ce fichier reste tel quel : gardez-le comme sauvegarde.</translation>
    </message>
    <message>
        <source>The member file is now on %1, and every table compares equal. Open it there? From now on, the board works there; this file is a copy.</source>
        <translation>Le fichier de membres est maintenant sur %1, et chaque table est identique. L’ouvrir là-bas ? Désormais, le bureau travaille là ; ce fichier n’est plus qu’une copie.</translation>
    </message>
    <message>
        <source>Save a local copy of the member file</source>
        <translation>Enregistrer une copie locale du fichier de membres</translation>
    </message>
    <message>
        <source>Save a local copy</source>
        <translation>Enregistrer une copie locale</translation>
    </message>
    <message>
        <source>A local copy of the member file was saved as %1.</source>
        <translation>Une copie locale du fichier de membres a été enregistrée sous %1.</translation>
    </message>
</context>
<context>
    <name>Gui::FileWait</name>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Another program is writing this member list.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A large import, most likely. Carnet opens the list as soon as it is done.&lt;/p&gt;&lt;p&gt;&lt;small&gt;%1&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Un autre programme est en train d’écrire dans cette liste de membres.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Une importation volumineuse, sans doute. Carnet ouvre la liste dès que c’est terminé.&lt;/p&gt;&lt;p&gt;&lt;small&gt;%1&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Gui::FilterConditionWidget</name>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>and</source>
        <translation>et</translation>
    </message>
    <message>
        <source>Second value</source>
        <translation>Seconde valeur</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>The question asked when the report runs</source>
        <translation>La question posée quand le rapport s’exécute</translation>
    </message>
    <message>
        <source>Question asked when run</source>
        <translation>Question posée à l’exécution</translation>
    </message>
    <message>
        <source>Ask when run</source>
        <translation>Demander à l’exécution</translation>
    </message>
    <message>
        <source>Leave the value open: the report asks for it each time it runs.</source>
        <translation>Laisser la valeur ouverte : le rapport la demande à chaque exécution.</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Retirer cette condition</translation>
    </message>
    <message>
        <source>%1?</source>
        <translation>%1 ?</translation>
    </message>
    <message>
        <source>Write the question the report will ask.</source>
        <translation>Écrivez la question que le rapport posera.</translation>
    </message>
    <message>
        <source>Give both values.</source>
        <translation>Donnez les deux valeurs.</translation>
    </message>
    <message>
        <source>Give at least one value.</source>
        <translation>Donnez au moins une valeur.</translation>
    </message>
    <message>
        <source>Give a value for &quot;%1&quot;.</source>
        <translation>Donnez une valeur pour « %1 ».</translation>
    </message>
</context>
<context>
    <name>Gui::FilterGroupWidget</name>
    <message>
        <source>all</source>
        <translation>toutes</translation>
    </message>
    <message>
        <source>any</source>
        <translation>l’une</translation>
    </message>
    <message>
        <source>Match all or any of the conditions</source>
        <translation>Remplir toutes les conditions ou l’une d’elles</translation>
    </message>
    <message>
        <source>Any member matching</source>
        <translation>Tout membre remplissant</translation>
    </message>
    <message>
        <source>Members matching</source>
        <translation>Les membres remplissant</translation>
    </message>
    <message>
        <source>of these conditions:</source>
        <translation>de ces conditions :</translation>
    </message>
    <message>
        <source>Remove this group</source>
        <translation>Retirer ce groupe</translation>
    </message>
    <message>
        <source>Add a condition</source>
        <translation>Ajouter une condition</translation>
    </message>
    <message>
        <source>Add a group (any of…)</source>
        <translation>Ajouter un groupe (l’une de…)</translation>
    </message>
</context>
<context>
    <name>Gui::ImportWizard</name>
    <message>
        <source>Import members</source>
        <translation>Importer des membres</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
</context>
<context>
    <name>Gui::ImportWizardPageColumns</name>
    <message>
        <source>Keep as other information</source>
        <translation>Garder comme autre information</translation>
    </message>
    <message>
        <source>Ignore this column</source>
        <translation>Ignorer cette colonne</translation>
    </message>
    <message>
        <source>First and last name together</source>
        <translation>Prénom et nom ensemble</translation>
    </message>
    <message>
        <source>2. The columns</source>
        <translation>2. Les colonnes</translation>
    </message>
    <message>
        <source>Check what each column holds. Columns kept as other information are not lost.</source>
        <translation>Vérifiez ce que contient chaque colonne. Les colonnes gardées comme autre information ne sont pas perdues.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Première valeur</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>Importée comme</translation>
    </message>
    <message>
        <source>Add new members only; leave existing ones as they are</source>
        <translation>Ajouter seulement les nouveaux membres ; laisser les autres tels quels</translation>
    </message>
    <message>
        <source>Update existing members with the file&apos;s values</source>
        <translation>Mettre à jour les membres existants avec les valeurs du fichier</translation>
    </message>
    <message>
        <source>Fill in only what existing members are missing</source>
        <translation>Compléter seulement ce qui manque aux membres existants</translation>
    </message>
    <message>
        <source>Work it out from the file</source>
        <translation>Déduire du fichier</translation>
    </message>
    <message>
        <source>Day/month/year (15/03/2024)</source>
        <translation>Jour/mois/année (15/03/2024)</translation>
    </message>
    <message>
        <source>Month/day/year (03/15/2024)</source>
        <translation>Mois/jour/année (03/15/2024)</translation>
    </message>
    <message>
        <source>Skip rows without an email address</source>
        <translation>Ignorer les lignes sans adresse e-mail</translation>
    </message>
    <message>
        <source>Members already in Carnet</source>
        <translation>Membres déjà dans Carnet</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Never overwrite</source>
        <translation>Ne jamais remplacer</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Record it for</source>
        <translation>L’enregistrer pour</translation>
    </message>
    <message>
        <source>Do not record consent (keep the columns as other information)</source>
        <translation>Ne pas enregistrer de consentement (garder les colonnes en autres informations)</translation>
    </message>
    <message>
        <source>Partner&apos;s %1 (a second member, same household)</source>
        <translation>Conjoint(e) : %1 (un second membre, même foyer)</translation>
    </message>
</context>
<context>
    <name>Gui::ImportWizardPageFile</name>
    <message>
        <source>1. The file</source>
        <translation>1. Le fichier</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>Virgule ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>Point-virgule ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <source>Vertical bar |</source>
        <translation>Barre verticale |</translation>
    </message>
    <message>
        <source>The first line holds the column names</source>
        <translation>La première ligne contient les noms des colonnes</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Encodage</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Séparateur</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Importer des membres</translation>
    </message>
    <message>
        <source>Encoding %1%2, separator “%3”.</source>
        <translation>Encodage %1%2, séparateur « %3 ».</translation>
    </message>
    <message>
        <source> (with a byte-order mark)</source>
        <translation> (avec indicateur d’ordre des octets)</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>Carnet reads Excel (.xlsx) and LibreOffice (.ods) spreadsheets as they are, and CSV or text files: Koha, Cagette, Mailchimp…</source>
        <translation>Carnet lit les classeurs Excel (.xlsx) et LibreOffice (.ods) tels quels, et les fichiers CSV ou texte : Koha, Cagette, Mailchimp…</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <source>Member lists (*.xlsx *.ods *.csv *.txt *.tsv);;All files (*)</source>
        <translation>Listes de membres (*.xlsx *.ods *.csv *.txt *.tsv);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n row(s)</source>
        <translation>
            <numerusform>%1 — %n ligne</numerusform>
            <numerusform>%1 — %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation> (masquée)</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx): the sheet “%1” is read.</source>
        <translation>Un classeur Excel (.xlsx) : la feuille « %1 » est lue.</translation>
    </message>
    <message>
        <source>An OpenDocument spreadsheet (.ods): the sheet “%1” is read.</source>
        <translation>Un classeur OpenDocument (.ods) : la feuille « %1 » est lue.</translation>
    </message>
    <message>
        <source>%1 — counting the rows…</source>
        <translation>%1 — lignes en cours de comptage…</translation>
    </message>
</context>
<context>
    <name>Gui::ImportWizardPagePreview</name>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>Duplicate in the file</source>
        <translation>Doublon dans le fichier</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <source>3. Preview</source>
        <translation>3. Aperçu</translation>
    </message>
    <message>
        <source>Nothing is written yet. Check the rows, then import.</source>
        <translation>Rien n’est encore écrit. Vérifiez les lignes, puis importez.</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Toutes les lignes</translation>
    </message>
    <message>
        <source>Save the rejected rows…</source>
        <translation>Enregistrer les lignes refusées…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Save the rejected rows</source>
        <translation>Enregistrer les lignes refusées</translation>
    </message>
    <message>
        <source>rejected-rows.csv</source>
        <translation>lignes-refusees.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>%1 new, %2 to update, %3 unchanged, %4 duplicates in the file, %5 rejected; %6 without email.</source>
        <translation>%1 nouveaux, %2 à mettre à jour, %3 inchangés, %4 doublons dans le fichier, %5 refusés ; %6 sans adresse e-mail.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) deserve a look (see Details).</source>
        <translation>
            <numerusform>%n ligne mérite un coup d’œil (voir Détails).</numerusform>
            <numerusform>%n lignes méritent un coup d’œil (voir Détails).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::ImportWizardPageResult</name>
    <message>
        <source>4. Import</source>
        <translation>4. Import</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>Annuler cet import</translation>
    </message>
    <message>
        <source>The import was undone: the member list is as it was before.</source>
        <translation>L’import a été annulé : la liste des membres est revenue à son état d’avant.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Rien n’a été importé : %1</translation>
    </message>
    <message>
        <source>%1 members added, %2 updated, %3 unchanged, %4 duplicates skipped, %5 rows rejected.</source>
        <translation>%1 membres ajoutés, %2 mis à jour, %3 inchangés, %4 doublons écartés, %5 lignes refusées.</translation>
    </message>
</context>
<context>
    <name>Gui::MailboxAccountDialog</name>
    <message>
        <source>Mailbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>The mailbox where bounces, complaints, auto-replies and unsubscribe replies arrive (usually the sender&apos;s or the reply-to address). Carnet reads it, acts on what it understands and moves those messages to a folder of their own; anything else stays where it is, unread.</source>
        <translation>La boîte où arrivent les retours en erreur, les plaintes, les réponses automatiques et les demandes de désabonnement (en général celle de l’expéditeur ou de l’adresse de réponse). Carnet la lit, agit sur ce qu’il comprend et range ces messages dans un dossier à part ; tout le reste demeure en place, non lu.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>My own server</source>
        <translation>Mon propre serveur</translation>
    </message>
    <message>
        <source>TLS (port 993)</source>
        <translation>TLS (port 993)</translation>
    </message>
    <message>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (port 143)</translation>
    </message>
    <message>
        <source>Kept in the keychain or for this session, never in a file</source>
        <translation>Gardé dans le trousseau ou pour cette session, jamais dans un fichier</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>&amp;Fournisseur</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>S&amp;écurité</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Utilisateur</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Created when missing; &quot;/&quot; between levels. Nothing is ever deleted.</source>
        <translation>Créé s’il n’existe pas ; « / » entre les niveaux. Rien n’est jamais supprimé.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>only on &quot;Check now&quot;</source>
        <translation>seulement sur « Relever maintenant »</translation>
    </message>
    <message>
        <source>&amp;Read the folder</source>
        <translation>&amp;Lire le dossier</translation>
    </message>
    <message>
        <source>&amp;Move what was understood to</source>
        <translation>&amp;Ranger ce qui a été compris dans</translation>
    </message>
    <message>
        <source>&amp;Check every</source>
        <translation>Relever &amp;toutes les</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Essai</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>&amp;Essayer la connexion</translation>
    </message>
    <message>
        <source>This certificate will be trusted (SHA-256 %1). Test again.</source>
        <translation>Ce certificat sera accepté (SHA-256 %1). Refaites l’essai.</translation>
    </message>
    <message>
        <source>The mailbox needs a server and a user.</source>
        <translation>La boîte de réception demande un serveur et un utilisateur.</translation>
    </message>
    <message>
        <source>Processed messages need a folder of their own, other than the one read.</source>
        <translation>Les messages traités demandent un dossier à eux, autre que celui qui est lu.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message numerus="yes">
        <source>Signed in: %n message(s) in %1.</source>
        <translation>
            <numerusform>Connecté : %n message dans %1.</numerusform>
            <numerusform>Connecté : %n messages dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The mailbox could not be read: %1</source>
        <translation>La boîte de réception n’a pas pu être lue : %1</translation>
    </message>
</context>
<context>
    <name>Gui::MailboxChecker</name>
    <message>
        <source>The mailbox is being read; try again in a moment.</source>
        <translation>La boîte de réception est en cours de lecture ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>No mailbox is set up: Edit › Mailbox…</source>
        <translation>Aucune boîte de réception n’est configurée : Édition › Boîte de réception…</translation>
    </message>
    <message>
        <source>The mailbox&apos;s password is not known: give it in Edit › Mailbox….</source>
        <translation>Le mot de passe de la boîte de réception est inconnu : indiquez-le dans Édition › Boîte de réception….</translation>
    </message>
    <message>
        <source>The mailbox server&apos;s certificate was refused (%1): check it in Edit › Mailbox….</source>
        <translation>Le certificat du serveur de la boîte de réception a été refusé (%1) : vérifiez-le dans Édition › Boîte de réception….</translation>
    </message>
    <message>
        <source>The mailbox could not be read: %1</source>
        <translation>La boîte de réception n’a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>Mailbox: nothing new.</source>
        <translation>Boîte de réception : rien de nouveau.</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) marked undeliverable</source>
        <translation>
            <numerusform>%n adresse marquée non distribuable</numerusform>
            <numerusform>%n adresses marquées non distribuables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n temporary failure(s) counted</source>
        <translation>
            <numerusform>%n échec temporaire compté</numerusform>
            <numerusform>%n échecs temporaires comptés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s): consent withdrawn</source>
        <translation>
            <numerusform>%n plainte : consentement retiré</numerusform>
            <numerusform>%n plaintes : consentement retiré</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsubscribe request(s) honoured</source>
        <translation>
            <numerusform>%n demande de désabonnement traitée</numerusform>
            <numerusform>%n demandes de désabonnement traitées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n auto-reply(ies)</source>
        <translation>
            <numerusform>%n réponse automatique</numerusform>
            <numerusform>%n réponses automatiques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by a server&apos;s policy</source>
        <translation>
            <numerusform>%n refusé par la politique d’un serveur</numerusform>
            <numerusform>%n refusés par la politique d’un serveur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left for you to read</source>
        <translation>
            <numerusform>%n laissé pour vous</numerusform>
            <numerusform>%n laissés pour vous</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mailbox: %n message(s) read</source>
        <translation>
            <numerusform>Boîte de réception : %n message lu</numerusform>
            <numerusform>Boîte de réception : %n messages lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::MailingActions</name>
    <message>
        <source>&amp;Mailings</source>
        <translation>&amp;Envois</translation>
    </message>
    <message>
        <source>&amp;Campaigns…</source>
        <translation>&amp;Campagnes…</translation>
    </message>
    <message>
        <source>Send &amp;invitations to the never invited…</source>
        <translation>Envoyer des &amp;invitations aux jamais invités…</translation>
    </message>
    <message>
        <source>Send a &amp;reminder to the invited who did not answer…</source>
        <translation>Envoyer un &amp;rappel aux invités sans réponse…</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe requests…</source>
        <translation>Demandes de &amp;désabonnement…</translation>
    </message>
    <message>
        <source>&amp;Personal invitation to this member…</source>
        <translation>Invitation &amp;personnelle à ce membre…</translation>
    </message>
    <message>
        <source>Personal invitation in &amp;my mail program…</source>
        <translation>Invitation personnelle dans &amp;ma messagerie…</translation>
    </message>
    <message>
        <source>This member &amp;accepted the invitation</source>
        <translation>Ce membre a &amp;accepté l’invitation</translation>
    </message>
    <message>
        <source>This member &amp;declined the invitation</source>
        <translation>Ce membre a re&amp;fusé l’invitation</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>Remind the members invited at least this many days ago who have not answered:</source>
        <translation>Relancer les membres invités il y a au moins ce nombre de jours et qui n’ont pas répondu :</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>%1 accepted: express consent recorded.</source>
        <translation>%1 a accepté : consentement exprès enregistré.</translation>
    </message>
    <message>
        <source>%1 declined the invitation.</source>
        <translation>%1 a refusé l’invitation.</translation>
    </message>
    <message>
        <source>No mail program answered; nothing was sent.</source>
        <translation>Aucune messagerie n’a répondu ; rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>&amp;Bounces and replies…</source>
        <translation>Re&amp;tours et réponses…</translation>
    </message>
    <message>
        <source>This member&apos;s address is deli&amp;verable again</source>
        <translation>L’adresse de ce membre est de nou&amp;veau distribuable</translation>
    </message>
    <message>
        <source>&amp;Mailbox…</source>
        <translation>Boîte de ré&amp;ception…</translation>
    </message>
    <message>
        <source>Undeliverable address</source>
        <translation>Adresse non distribuable</translation>
    </message>
    <message>
        <source>%1 will be mailed again at %2.</source>
        <translation>%1 recevra de nouveau les envois à %2.</translation>
    </message>
    <message>
        <source>Mailbox saved: Mailings › Bounces and replies… shows what Carnet reads there.</source>
        <translation>Boîte de réception enregistrée : Envois › Retours et réponses… montre ce que Carnet y lit.</translation>
    </message>
</context>
<context>
    <name>Gui::MainWindow</name>
    <message>
        <source>Carnet</source>
        <translation>Carnet</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Search names, email, member number, city (Ctrl+F)</source>
        <translation>Rechercher nom, e-mail, n° de membre, ville (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search members</source>
        <translation>Rechercher des membres</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New member…</source>
        <translation>&amp;Nouveau membre…</translation>
    </message>
    <message>
        <source>Open the &amp;demo association</source>
        <translation>Ouvrir l’association de &amp;démonstration</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Edit member…</source>
        <translation>&amp;Modifier le membre…</translation>
    </message>
    <message>
        <source>&amp;Delete member…</source>
        <translation>&amp;Supprimer le membre…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About Carnet</source>
        <translation>À &amp;propos de Carnet</translation>
    </message>
    <message>
        <source>About Carnet</source>
        <translation>À propos de Carnet</translation>
    </message>
    <message>
        <source>Carnet %1
Member list, consent and mailing for small associations.</source>
        <translation>Carnet %1
Liste des membres, consentements et envois pour les petites associations.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) shown</source>
        <translation>
            <numerusform>%n membre affiché</numerusform>
            <numerusform>%n membres affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in total</source>
        <translation>
            <numerusform>%n au total</numerusform>
            <numerusform>%n au total</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparing the search…</source>
        <translation>Préparation de la recherche…</translation>
    </message>
    <message>
        <source>The demo association could not be opened.</source>
        <translation>L’association de démonstration n’a pas pu être ouverte.</translation>
    </message>
    <message>
        <source>&amp;Import members…</source>
        <translation>&amp;Importer des membres…</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Importer des membres</translation>
    </message>
    <message>
        <source>%1 cannot be imported.
%2</source>
        <translation>%1 ne peut pas être importé.
%2</translation>
    </message>
    <message>
        <source>The import of %1 was cancelled; nothing was changed.</source>
        <translation>L’import de %1 a été annulé ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>&amp;Consentement</translation>
    </message>
    <message>
        <source>Record consent for the members &amp;shown…</source>
        <translation>Enregistrer un consentement pour les membres &amp;affichés…</translation>
    </message>
    <message>
        <source>Consent of this &amp;member…</source>
        <translation>Consentement de ce &amp;membre…</translation>
    </message>
    <message>
        <source>&amp;Organisation and purposes…</source>
        <translation>&amp;Organisation et finalités…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Journal d’audit…</translation>
    </message>
    <message numerus="yes">
        <source>%n selected member(s)</source>
        <translation>
            <numerusform>%n membre sélectionné</numerusform>
            <numerusform>%n membres sélectionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) of &quot;%1&quot;</source>
        <translation>
            <numerusform>%n membre de « %1 »</numerusform>
            <numerusform>%n membres de « %1 »</numerusform>
        </translation>
    </message>
    <message>
        <source>Co&amp;py the addresses for mailing…</source>
        <translation>Co&amp;pier les adresses pour un envoi…</translation>
    </message>
    <message>
        <source>The addresses are on the clipboard: paste them in the Bcc field.</source>
        <translation>Les adresses sont dans le presse-papiers : collez-les dans le champ Cci.</translation>
    </message>
    <message>
        <source>&amp;Sending account…</source>
        <translation>Compte d’&amp;envoi…</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain.</source>
        <translation>Le mot de passe est gardé dans le trousseau du système.</translation>
    </message>
    <message>
        <source>No keychain here (%1): the password is kept for this session only.</source>
        <translation>Pas de trousseau ici (%1) : le mot de passe est gardé pour cette session seulement.</translation>
    </message>
    <message>
        <source>&amp;Outbox…</source>
        <translation>Boîte d’en&amp;voi…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <source>&amp;New report…</source>
        <translation>&amp;Nouveau rapport…</translation>
    </message>
    <message>
        <source>&amp;Export the members shown…</source>
        <translation>&amp;Exporter les membres affichés…</translation>
    </message>
    <message>
        <source>Send invitations…</source>
        <translation>Envoyer des invitations…</translation>
    </message>
    <message>
        <source>Finishing the message being sent, then quitting…</source>
        <translation>Fin de l’envoi du message en cours, puis fermeture…</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fichier : %1</translation>
    </message>
    <message>
        <source>The consent columns cannot be sorted; the side panel&apos;s consent selections list who has none, whose is expiring and who withdrew.</source>
        <translation>Les colonnes de consentement ne se trient pas ; les sélections de consentement du panneau latéral listent qui n’en a pas, dont le consentement expire et qui l’a retiré.</translation>
    </message>
    <message>
        <source>No member in this selection.</source>
        <translation>Aucun membre dans cette sélection.</translation>
    </message>
    <message>
        <source>No member matches “%1”.</source>
        <translation>Aucun membre ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>%1 is the member file open in this window: it cannot be imported into itself.</source>
        <translation>%1 est le fichier de membres ouvert dans cette fenêtre : il ne peut pas être importé dans lui-même.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur : %1</translation>
    </message>
    <message>
        <source>The board&apos;s shared member file, on a PostgreSQL server</source>
        <translation>Le fichier de membres partagé du bureau, sur un serveur PostgreSQL</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting…</source>
        <translation>Connexion perdue — reconnexion…</translation>
    </message>
    <message>
        <source>Connected to the server again.</source>
        <translation>De nouveau connecté au serveur.</translation>
    </message>
    <message>
        <source>Your login on this member file, its role and the sections it is limited to</source>
        <translation>Votre identifiant sur ce fichier de membres, son rôle et les sections auxquelles il est limité</translation>
    </message>
    <message>
        <source>&amp;Volunteers…</source>
        <translation>&amp;Bénévoles…</translation>
    </message>
    <message>
        <source>&amp;View member…</source>
        <translation>&amp;Voir le membre…</translation>
    </message>
    <message>
        <source>Member lists (*.xlsx *.ods *.csv *.txt *.tsv);;All files (*)</source>
        <translation>Listes de membres (*.xlsx *.ods *.csv *.txt *.tsv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading the list…</source>
        <translation>Lecture de la liste…</translation>
    </message>
</context>
<context>
    <name>Gui::MemberActions</name>
    <message>
        <source>%1 was added.</source>
        <translation>%1 a été ajouté(e).</translation>
    </message>
    <message>
        <source>Carnet</source>
        <translation>Carnet</translation>
    </message>
    <message>
        <source>The member was erased.</source>
        <translation>Le membre a été effacé.</translation>
    </message>
    <message>
        <source>Delete %1 from the member list? This cannot be undone.</source>
        <translation>Supprimer %1 de la liste des membres ? Cette action est définitive.</translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n members from the member list? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer ce membre de la liste ? Cette action est définitive.</numerusform>
            <numerusform>Supprimer ces %n membres de la liste ? Cette action est définitive.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete members</source>
        <translation>Supprimer des membres</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Modifié entre-temps</translation>
    </message>
    <message>
        <source>%1 changed %2 at %3, after this list showed it. Delete it anyway?</source>
        <translation>%1 a modifié %2 à %3, après que cette liste l’a affiché. Le supprimer quand même ?</translation>
    </message>
    <message>
        <source>Their changes:</source>
        <translation>Ses modifications :</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n members…</source>
        <translation>
            <numerusform>Suppression de %n membre…</numerusform>
            <numerusform>Suppression de %n membres…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) were changed by someone else after this list showed them. Delete them anyway?</source>
        <translation>
            <numerusform>%n membre a été modifié par quelqu’un d’autre après l’affichage de cette liste. Le supprimer quand même ?</numerusform>
            <numerusform>%n membres ont été modifiés par quelqu’un d’autre après l’affichage de cette liste. Les supprimer quand même ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n member(s) deleted, the others kept.</source>
        <translation>
            <numerusform>Arrêté : %n membre supprimé, les autres sont conservés.</numerusform>
            <numerusform>Arrêté : %n membres supprimés, les autres sont conservés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) deleted, then: %1</source>
        <translation>
            <numerusform>%n membre supprimé, puis : %1</numerusform>
            <numerusform>%n membres supprimés, puis : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) deleted.</source>
        <translation>
            <numerusform>%n membre supprimé.</numerusform>
            <numerusform>%n membres supprimés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Overwriting the deleted data…</source>
        <translation>Écrasement des données supprimées…</translation>
    </message>
</context>
<context>
    <name>Gui::MemberConsentWidget</name>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Consent status</source>
        <translation>État du consentement</translation>
    </message>
    <message>
        <source>Record &amp;consent…</source>
        <translation>Enregistrer un &amp;consentement…</translation>
    </message>
    <message>
        <source>Record &amp;withdrawal…</source>
        <translation>Enregistrer un &amp;retrait…</translation>
    </message>
    <message>
        <source>E&amp;xport this member&apos;s data…</source>
        <translation>E&amp;xporter les données de ce membre…</translation>
    </message>
    <message>
        <source>E&amp;rase this member…</source>
        <translation>E&amp;ffacer ce membre…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Justificatif</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Historique du consentement</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>jusqu’au %1</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Purposes with a default basis (association life) apply while the person is a member.</source>
        <translation>Rien d’enregistré pour l’instant. Les finalités avec une base par défaut (vie associative) s’appliquent tant que la personne est membre.</translation>
    </message>
    <message>
        <source>Export this member&apos;s data</source>
        <translation>Exporter les données de ce membre</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 n’a pas pu être écrit : %2</translation>
    </message>
    <message>
        <source>Everything Carnet holds about %1 was written to %2.</source>
        <translation>Tout ce que Carnet détient sur %1 a été écrit dans %2.</translation>
    </message>
    <message>
        <source>Erase %1? Their details, consent history and import records are removed for good. Carnet keeps only a fingerprint of the address so that a later import cannot subscribe them again, and a line in the audit log.</source>
        <translation>Effacer %1 ? Ses coordonnées, son historique de consentement et ses traces d’import sont supprimés définitivement. Carnet ne garde qu’une empreinte de l’adresse, pour qu’un import ultérieur ne puisse pas la réinscrire, et une ligne dans le journal d’audit.</translation>
    </message>
    <message>
        <source>Erase this member</source>
        <translation>Effacer ce membre</translation>
    </message>
    <message>
        <source>Save the evidence</source>
        <translation>Enregistrer le justificatif</translation>
    </message>
    <message>
        <source>SHA-256: %1 — double-click to save a copy</source>
        <translation>SHA-256 : %1 — double-cliquez pour en enregistrer une copie</translation>
    </message>
    <message>
        <source>Never invited.</source>
        <translation>Jamais invité.</translation>
    </message>
    <message numerus="yes">
        <source>Invited %n time(s), last on %1 (%2).</source>
        <translation>
            <numerusform>Invité %n fois, dernière le %1 (%2).</numerusform>
            <numerusform>Invité %n fois, dernière le %1 (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>Accepted on %1.</source>
        <translation>Accepté le %1.</translation>
    </message>
    <message>
        <source>Declined on %1.</source>
        <translation>Refusé le %1.</translation>
    </message>
    <message>
        <source>No answer yet.</source>
        <translation>Pas encore de réponse.</translation>
    </message>
    <message>
        <source>JSON files (*.json);;Excel workbooks (*.xlsx);;OpenDocument spreadsheets (*.ods)</source>
        <translation>Fichiers JSON (*.json);;Classeurs Excel (*.xlsx);;Classeurs OpenDocument (*.ods)</translation>
    </message>
    <message>
        <source>Erasing %1…</source>
        <translation>Effacement de %1…</translation>
    </message>
</context>
<context>
    <name>Gui::MemberEditorDialog</name>
    <message>
        <source>New member</source>
        <translation>Nouveau membre</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>Non précisée</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>ID or email of a partner or family member</source>
        <translation>N° ou e-mail d’un conjoint ou d’un membre de la famille</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@exemple.fr</translation>
    </message>
    <message>
        <source>In household %1</source>
        <translation>Dans le foyer %1</translation>
    </message>
    <message>
        <source>Did you mean &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;?</source>
        <translation>Vouliez-vous dire &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; ?</translation>
    </message>
    <message>
        <source>Save the member first: consent is recorded for a stored member.</source>
        <translation>Enregistrez d’abord le membre : le consentement se rattache à un membre enregistré.</translation>
    </message>
    <message>
        <source>%1 — member no. %2</source>
        <translation>%1 — membre n° %2</translation>
    </message>
    <message>
        <source>Discard the changes you made?</source>
        <translation>Abandonner les modifications que vous avez faites ?</translation>
    </message>
    <message>
        <source>Member (read only)</source>
        <translation>Membre (lecture seule)</translation>
    </message>
    <message>
        <source>Someone else deleted this member while you were editing it. What you typed is still here; close the editor to leave it.</source>
        <translation>Quelqu’un d’autre a supprimé ce membre pendant que vous le modifiiez. Ce que vous avez saisi est toujours là ; fermez la fiche pour l’abandonner.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1 : %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Modifié entre-temps</translation>
    </message>
    <message>
        <source>%1 changed %2 at %3, while you were editing it. Nothing was overwritten.</source>
        <translation>%1 a modifié %2 le %3, pendant que vous le modifiiez. Rien n’a été écrasé.</translation>
    </message>
    <message>
        <source>Their changes:</source>
        <translation>Ses modifications :</translation>
    </message>
    <message>
        <source>Your changes:</source>
        <translation>Vos modifications :</translation>
    </message>
    <message>
        <source>You both changed the same field: review before saving.</source>
        <translation>Vous avez modifié tous les deux le même champ : revoyez avant d’enregistrer.</translation>
    </message>
    <message>
        <source>&amp;Keep theirs</source>
        <translation>&amp;Garder sa version</translation>
    </message>
    <message>
        <source>&amp;Use mine for the fields I changed</source>
        <translation>&amp;Appliquer les miennes aux champs que j’ai modifiés</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revoir</translation>
    </message>
    <message>
        <source>Their version is shown, with your changes on top. Check it, then save again.</source>
        <translation>Sa version est affichée, avec vos modifications par-dessus. Vérifiez, puis enregistrez de nouveau.</translation>
    </message>
    <message>
        <source>Being edited by %1 right now. Nothing can be lost: if you both save, the second one to save sees what the other changed and chooses what to keep.</source>
        <translation>En cours de modification par %1 en ce moment. Rien ne peut être perdu : si vous enregistrez tous les deux, le second à enregistrer voit ce que l’autre a changé et choisit quoi garder.</translation>
    </message>
</context>
<context>
    <name>Gui::OrganisationDialog</name>
    <message>
        <source>Organisation and consent</source>
        <translation>Organisation et consentement</translation>
    </message>
    <message>
        <source>Who sends the messages</source>
        <translation>Qui envoie les messages</translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation>&amp;Nom *</translation>
    </message>
    <message>
        <source>Postal &amp;address *</source>
        <translation>&amp;Adresse postale *</translation>
    </message>
    <message>
        <source>Contact &amp;email *</source>
        <translation>&amp;E-mail de contact *</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>&amp;Site web</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Règles</translation>
    </message>
    <message>
        <source>Every message carries the name, the postal address and a contact (CASL). The rules decide which purposes members are covered for without asking.</source>
        <translation>Chaque message porte le nom, l’adresse postale et un contact (LCAP). Les règles décident pour quelles finalités les membres sont couverts sans qu’on le leur demande.</translation>
    </message>
    <message>
        <source>Purposes of communication</source>
        <translation>Finalités de communication</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Canada (CASL)</source>
        <translation>Canada (LCAP)</translation>
    </message>
    <message>
        <source>EU (GDPR)</source>
        <translation>UE (RGPD)</translation>
    </message>
    <message>
        <source>Add a &amp;purpose…</source>
        <translation>Ajouter une &amp;finalité…</translation>
    </message>
    <message>
        <source>Add a purpose</source>
        <translation>Ajouter une finalité</translation>
    </message>
    <message>
        <source>Name of the purpose (for example: Events, Fundraising):</source>
        <translation>Nom de la finalité (par exemple : Événements, Collecte de fonds) :</translation>
    </message>
    <message>
        <source>Optional: a page of your website that takes the token (?t=…) and records the unsubscribe. Without it, members unsubscribe by replying.</source>
        <translation>Facultatif : une page de votre site qui reçoit le jeton (?t=…) et enregistre le désabonnement. Sans elle, les membres se désabonnent en répondant.</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe page</source>
        <translation>Page de &amp;désabonnement</translation>
    </message>
</context>
<context>
    <name>Gui::OutboxDialog</name>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>en cours d’envoi</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>reporté</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>incertain</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d’envoi</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Server&apos;s reply</source>
        <translation>Réponse du serveur</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Prochaine tentative</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Envoyer maintenant</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Cancel what is left…</source>
        <translation>&amp;Annuler ce qui reste…</translation>
    </message>
    <message>
        <source>Mark as &amp;sent</source>
        <translation>Marquer comme en&amp;voyé</translation>
    </message>
    <message>
        <source>Send a&amp;gain…</source>
        <translation>&amp;Renvoyer…</translation>
    </message>
    <message>
        <source>Cancel the messages of this batch that have not gone yet? Those already sent stay sent.</source>
        <translation>Annuler les messages de ce lot qui ne sont pas encore partis ? Ceux déjà envoyés le restent.</translation>
    </message>
    <message>
        <source>%1 message(s) cancelled.</source>
        <translation>%1 message(s) annulé(s).</translation>
    </message>
    <message>
        <source>Every batch</source>
        <translation>Tous les lots</translation>
    </message>
    <message>
        <source>Send this message again? If the first attempt did arrive, %1 gets it twice.</source>
        <translation>Renvoyer ce message ? Si le premier envoi est bien arrivé, %1 le recevra deux fois.</translation>
    </message>
    <message>
        <source>No sending account yet: Edit › Sending account…</source>
        <translation>Pas encore de compte d’envoi : Édition › Compte d’envoi…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>The account&apos;s limits are reached; the rest can go from %1.</source>
        <translation>Les limites du compte sont atteintes ; la suite pourra partir à partir de %1.</translation>
    </message>
    <message>
        <source>Pausing after the message in flight…</source>
        <translation>Pause après le message en cours…</translation>
    </message>
    <message>
        <source>%1, %2, %3, %4.</source>
        <translation>%1, %2, %3, %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>%n envoyé</numerusform>
            <numerusform>%n envoyés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deferred</source>
        <translation>
            <numerusform>%n reporté</numerusform>
            <numerusform>%n reportés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>%n incertain</numerusform>
            <numerusform>%n incertains</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — from %2</source>
        <translation>%1 — depuis %2</translation>
    </message>
</context>
<context>
    <name>Gui::ReportActions</name>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>Duplicate the report &quot;%1&quot;</source>
        <translation>Dupliquer le rapport « %1 »</translation>
    </message>
    <message>
        <source>Report &quot;%1&quot; saved.</source>
        <translation>Rapport « %1 » enregistré.</translation>
    </message>
    <message>
        <source>Delete the report?</source>
        <translation>Supprimer le rapport ?</translation>
    </message>
    <message>
        <source>Delete the report &quot;%1&quot;? The members stay; only the report goes.</source>
        <translation>Supprimer le rapport « %1 » ? Les membres restent ; seul le rapport disparaît.</translation>
    </message>
    <message>
        <source>Report &quot;%1&quot; deleted.</source>
        <translation>Rapport « %1 » supprimé.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>the report &quot;%1&quot;</source>
        <translation>le rapport « %1 »</translation>
    </message>
</context>
<context>
    <name>Gui::ReportFields</name>
    <message>
        <source>Membership status</source>
        <translation>Statut d’adhésion</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Consentement : %1</translation>
    </message>
    <message>
        <source>%1 (imported)</source>
        <translation>%1 (importé)</translation>
    </message>
    <message>
        <source>Any of name, email, number, city</source>
        <translation>Nom, e-mail, numéro ou ville</translation>
    </message>
    <message>
        <source>is</source>
        <translation>est</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>n’est pas</translation>
    </message>
    <message>
        <source>is one of (separated by ;)</source>
        <translation>est l’un de (séparés par ;)</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contient</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>commence par</translation>
    </message>
    <message>
        <source>is before</source>
        <translation>est avant le</translation>
    </message>
    <message>
        <source>is after</source>
        <translation>est après le</translation>
    </message>
    <message>
        <source>is between</source>
        <translation>est entre le</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>n’est pas vide</translation>
    </message>
    <message>
        <source>may be mailed</source>
        <translation>peut recevoir des envois</translation>
    </message>
    <message>
        <source>may not be mailed</source>
        <translation>ne peut pas recevoir d’envois</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>expiring within 60 days</source>
        <translation>expire dans les 60 jours</translation>
    </message>
    <message>
        <source>active</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>ending within…</source>
        <translation>se termine dans…</translation>
    </message>
</context>
<context>
    <name>Gui::ReportParamsDialog</name>
    <message>
        <source>The report &quot;%1&quot; asks:</source>
        <translation>Le rapport « %1 » demande :</translation>
    </message>
</context>
<context>
    <name>Gui::ReportWizard</name>
    <message>
        <source>New report</source>
        <translation>Nouveau rapport</translation>
    </message>
    <message>
        <source>Edit the report &quot;%1&quot;</source>
        <translation>Modifier le rapport « %1 »</translation>
    </message>
</context>
<context>
    <name>Gui::ReportWizardPageFilters</name>
    <message numerus="yes">
        <source>%Ln member(s) match.</source>
        <translation>
            <numerusform>%Ln membre correspond.</numerusform>
            <numerusform>%Ln membres correspondent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Counted in %1 ms.</source>
        <translation>Compté en %1 ms.</translation>
    </message>
    <message>
        <source>The number of members depends on the answers asked when the report runs; the preview asks them.</source>
        <translation>Le nombre de membres dépend des réponses demandées à l’exécution ; l’aperçu les demande.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
</context>
<context>
    <name>Gui::ReportWizardPagePreview</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Answer the questions above to see the preview.</source>
        <translation>Répondez aux questions ci-dessus pour voir l’aperçu.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Préparation de l’aperçu…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s); the first %1 below.</source>
        <translation>
            <numerusform>%Ln membre ; les %1 premiers ci-dessous.</numerusform>
            <numerusform>%Ln membres ; les %1 premiers ci-dessous.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s).</source>
        <translation>
            <numerusform>%Ln membre.</numerusform>
            <numerusform>%Ln membres.</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>Gui::ReportWizardPageSave</name>
    <message>
        <source>Show its members in the window</source>
        <translation>Afficher ses membres dans la fenêtre</translation>
    </message>
    <message>
        <source>Export it…</source>
        <translation>L’exporter…</translation>
    </message>
    <message>
        <source>Nothing more</source>
        <translation>Rien de plus</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Replace the report?</source>
        <translation>Remplacer le rapport ?</translation>
    </message>
    <message>
        <source>A report named &quot;%1&quot; exists already. Replace it with this one?</source>
        <translation>Un rapport nommé « %1 » existe déjà. Le remplacer par celui-ci ?</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Rapport enregistré</translation>
    </message>
    <message>
        <source>Saved as &quot;%1&quot;; the old &quot;%2&quot; stays: %3</source>
        <translation>Enregistré sous « %1 » ; l’ancien « %2 » reste : %3</translation>
    </message>
</context>
<context>
    <name>Gui::ReportWizardPageSort</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>ascending (A → Z, oldest first)</source>
        <translation>croissant (A → Z, le plus ancien d’abord)</translation>
    </message>
    <message>
        <source>descending (Z → A, newest first)</source>
        <translation>décroissant (Z → A, le plus récent d’abord)</translation>
    </message>
</context>
<context>
    <name>Gui::ReturnedMailDialog</name>
    <message>
        <source>Bounces and replies</source>
        <translation>Retours et réponses</translation>
    </message>
    <message>
        <source>Everything read</source>
        <translation>Tout ce qui a été lu</translation>
    </message>
    <message>
        <source>Left for you to read</source>
        <translation>Laissés pour vous</translation>
    </message>
    <message>
        <source>Acted on</source>
        <translation>Traités</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulés</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Relever maintenant</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu le</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Puts the member&apos;s state and the consent ledger back as they were, and moves the message back to the folder it came from</source>
        <translation>Remet le membre et le registre des consentements comme avant, et replace le message dans le dossier d’où il vient</translation>
    </message>
    <message>
        <source>&amp;View the message</source>
        <translation>&amp;Voir le message</translation>
    </message>
    <message>
        <source>&amp;Open in my mail program</source>
        <translation>&amp;Ouvrir dans ma messagerie</translation>
    </message>
    <message>
        <source>Undone; the message is back where it was.</source>
        <translation>Annulé ; le message est de retour à sa place.</translation>
    </message>
    <message>
        <source>Undone in Carnet, but the message could not be moved back: %1</source>
        <translation>Annulé dans Carnet, mais le message n’a pas pu être remis à sa place : %1</translation>
    </message>
    <message>
        <source>No mailbox is set up yet: Edit › Mailbox…</source>
        <translation>Aucune boîte de réception n’est encore configurée : Édition › Boîte de réception…</translation>
    </message>
    <message>
        <source>%1 — checked at %2</source>
        <translation>%1 — relevé le %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, checked every %n minute(s) while Carnet is open.</source>
        <translation>
            <numerusform>%1, relevée toutes les %n minute tant que Carnet est ouvert.</numerusform>
            <numerusform>%1, relevée toutes les %n minutes tant que Carnet est ouvert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, checked on &quot;Check now&quot; only.</source>
        <translation>%1, relevée seulement sur « Relever maintenant ».</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>membre %1</translation>
    </message>
    <message>
        <source>%1 (undone)</source>
        <translation>%1 (annulé)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing read from the mailbox yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Rien n’a encore été lu dans la boîte de réception.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No message here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aucun message ici.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sent by the server on</source>
        <translation>Envoyé par le serveur le</translation>
    </message>
    <message>
        <source>About the message</source>
        <translation>À propos du message</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Code d’état</translation>
    </message>
    <message>
        <source>Why it was left</source>
        <translation>Pourquoi il a été laissé</translation>
    </message>
    <message>
        <source>The server&apos;s words</source>
        <translation>Les mots du serveur</translation>
    </message>
    <message>
        <source>In the folder</source>
        <translation>Dans le dossier</translation>
    </message>
    <message>
        <source>&lt;p&gt;Carnet did not understand this message: it is still in %1, unread, untouched. Read it in your mail program.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Carnet n’a pas compris ce message : il est toujours dans %1, non lu, intact. Lisez-le dans votre messagerie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Fetching the message from the mailbox…</source>
        <translation>Récupération du message dans la boîte de réception…</translation>
    </message>
    <message>
        <source>The message as received</source>
        <translation>Le message tel que reçu</translation>
    </message>
    <message>
        <source>The message could not be written to %1.</source>
        <translation>Le message n’a pas pu être écrit dans %1.</translation>
    </message>
    <message>
        <source>No mail program answered; the message is in %1.</source>
        <translation>Aucune messagerie n’a répondu ; le message est dans %1.</translation>
    </message>
    <message>
        <source>Opened in your mail program.</source>
        <translation>Ouvert dans votre messagerie.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo &quot;%1&quot; for %2? The member&apos;s state and the consent ledger are put back as they were, and the message goes back to %3, where the next check will leave it alone.</source>
        <translation>Annuler « %1 » pour %2 ? Le membre et le registre des consentements sont remis comme avant, et le message retourne dans %3, où la prochaine relève le laissera tranquille.</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Undone; moving the message back…</source>
        <translation>Annulé ; le message est remis à sa place…</translation>
    </message>
</context>
<context>
    <name>Gui::SelectionPanel</name>
    <message>
        <source>Selections</source>
        <translation>Sélections</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Consentement : %1</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Right-click to edit, duplicate, export or delete.</source>
        <translation>Clic droit pour modifier, dupliquer, exporter ou supprimer.</translation>
    </message>
    <message>
        <source>&amp;Show its members</source>
        <translation>&amp;Afficher ses membres</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>Right-click to send invitations (or a reminder).</source>
        <translation>Clic droit pour envoyer des invitations (ou un rappel).</translation>
    </message>
    <message>
        <source>Send &amp;invitations…</source>
        <translation>Envoyer des &amp;invitations…</translation>
    </message>
    <message>
        <source>Send a &amp;reminder…</source>
        <translation>Envoyer un &amp;rappel…</translation>
    </message>
</context>
<context>
    <name>Gui::ServerConnectDialog</name>
    <message>
        <source>Keep the password in the system keychain</source>
        <translation>Garder le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>Open a shared member file</source>
        <translation>Ouvrir un fichier de membres partagé</translation>
    </message>
    <message>
        <source>The member file of the whole board, on the association&apos;s PostgreSQL server. Ask whoever set it up for these details.</source>
        <translation>Le fichier de membres de tout le bureau, sur le serveur PostgreSQL de l’association. Demandez ces informations à la personne qui l’a installé.</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Nouvelle connexion</translation>
    </message>
    <message>
        <source>membres.example.org</source>
        <translation>membres.example.org</translation>
    </message>
    <message>
        <source>Encrypted, certificate checked (recommended)</source>
        <translation>Chiffrée, certificat vérifié (recommandé)</translation>
    </message>
    <message>
        <source>Encrypted, certificate not checked</source>
        <translation>Chiffrée, certificat non vérifié</translation>
    </message>
    <message>
        <source>Not encrypted (this computer only)</source>
        <translation>Non chiffrée (cet ordinateur seulement)</translation>
    </message>
    <message>
        <source>The authority&apos;s certificate (.crt or .pem)</source>
        <translation>Le certificat de l’autorité (.crt ou .pem)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation>&amp;Récents :</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort :</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Connexion :</translation>
    </message>
    <message>
        <source>&amp;Authority:</source>
        <translation>&amp;Autorité :</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>Se c&amp;onnecter</translation>
    </message>
    <message>
        <source>Warning: without encryption, anyone on this computer who can watch its connections sees names and addresses.</source>
        <translation>Attention : sans chiffrement, quiconque peut observer les connexions de cet ordinateur voit les noms et les adresses.</translation>
    </message>
    <message>
        <source>Not allowed for another computer: names and addresses would cross the network in clear.</source>
        <translation>Interdit pour un autre ordinateur : les noms et les adresses traverseraient le réseau en clair.</translation>
    </message>
    <message>
        <source>Encrypted, but another server could pretend to be yours: prefer checking the certificate.</source>
        <translation>Chiffrée, mais un autre serveur pourrait se faire passer pour le vôtre : préférez la vérification du certificat.</translation>
    </message>
    <message>
        <source>Carnet checks that the server is the one named, with the certificate of the authority that signed its own (ask whoever set up the server).</source>
        <translation>Carnet vérifie que le serveur est bien celui nommé, avec le certificat de l’autorité qui a signé le sien (demandez-le à la personne qui a installé le serveur).</translation>
    </message>
    <message>
        <source>The authority&apos;s certificate</source>
        <translation>Le certificat de l’autorité</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificats (*.crt *.pem *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The database and the user name are needed.</source>
        <translation>La base de données et le nom d’utilisateur sont nécessaires.</translation>
    </message>
</context>
<context>
    <name>Gui::SettingsDialog</name>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
</context>
<context>
    <name>Gui::SmtpAccountDialog</name>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Sending account</source>
        <translation>Compte d’envoi</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>My own server</source>
        <translation>Mon propre serveur</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (port 465)</translation>
    </message>
    <message>
        <source>None — only for a relay on this computer or network</source>
        <translation>Aucune — seulement pour un relais sur cet ordinateur ou ce réseau</translation>
    </message>
    <message>
        <source>Kept for this session only, never written to a file</source>
        <translation>Gardé pour cette session seulement, jamais écrit dans un fichier</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>&amp;Fournisseur</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Hôte</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Sécurité</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Utilisateur</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Sender and limits</source>
        <translation>Expéditeur et limites</translation>
    </message>
    <message>
        <source>Sender &amp;name</source>
        <translation>&amp;Nom de l’expéditeur</translation>
    </message>
    <message>
        <source>Sender &amp;address</source>
        <translation>&amp;Adresse de l’expéditeur</translation>
    </message>
    <message>
        <source>&amp;Reply to</source>
        <translation>&amp;Répondre à</translation>
    </message>
    <message>
        <source>a minute</source>
        <translation>par minute</translation>
    </message>
    <message>
        <source>an hour</source>
        <translation>par heure</translation>
    </message>
    <message>
        <source>a day</source>
        <translation>par jour</translation>
    </message>
    <message>
        <source>a connection</source>
        <translation>par connexion</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Au plus</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Essai</translation>
    </message>
    <message>
        <source>Your own address</source>
        <translation>Votre propre adresse</translation>
    </message>
    <message>
        <source>Send a &amp;test message</source>
        <translation>Envoyer un message d’&amp;essai</translation>
    </message>
    <message>
        <source>This certificate will be trusted (SHA-256 %1). Send the test again.</source>
        <translation>Ce certificat sera accepté (SHA-256 %1). Refaites l’essai.</translation>
    </message>
    <message>
        <source>The sender needs a valid address.</source>
        <translation>L’expéditeur doit avoir une adresse valide.</translation>
    </message>
    <message>
        <source>Carnet: test message</source>
        <translation>Carnet : message d’essai</translation>
    </message>
    <message>
        <source>This message was sent by Carnet to check the sending account (%1:%2).</source>
        <translation>Ce message a été envoyé par Carnet pour vérifier le compte d’envoi (%1:%2).</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>The test message was accepted: %1</source>
        <translation>Le message d’essai a été accepté : %1</translation>
    </message>
    <message>
        <source>The test message was not sent: %1</source>
        <translation>Le message d’essai n’a pas été envoyé : %1</translation>
    </message>
</context>
<context>
    <name>Gui::UnsubscribeRequestsDialog</name>
    <message>
        <source>Unsubscribe requests</source>
        <translation>Demandes de désabonnement</translation>
    </message>
    <message>
        <source>Canada&apos;s anti-spam law asks that each request be honoured within 10 business days, and that it be kept with the action taken.</source>
        <translation>La loi canadienne anti-pourriel demande de traiter chaque demande dans les 10 jours ouvrables et de la conserver avec la suite donnée.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Suite donnée</translation>
    </message>
    <message>
        <source>To process by</source>
        <translation>À traiter avant le</translation>
    </message>
    <message>
        <source>&amp;Paste a reply…</source>
        <translation>&amp;Coller une réponse…</translation>
    </message>
    <message>
        <source>&amp;Open a message…</source>
        <translation>&amp;Ouvrir un message…</translation>
    </message>
    <message>
        <source>Type a &amp;token…</source>
        <translation>Saisir un &amp;jeton…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>(not in the member file)</source>
        <translation>(absent du fichier des membres)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting for your decision.</source>
        <translation>
            <numerusform>%n demande attend votre décision.</numerusform>
            <numerusform>%n demandes attendent votre décision.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1 : %2.</translation>
    </message>
    <message>
        <source>No unsubscribe token in it: the request is recorded and waits for your decision.</source>
        <translation>Aucun jeton de désabonnement : la demande est enregistrée et attend votre décision.</translation>
    </message>
    <message>
        <source>token typed in</source>
        <translation>jeton saisi</translation>
    </message>
    <message>
        <source>Paste a reply</source>
        <translation>Coller une réponse</translation>
    </message>
    <message>
        <source>The whole message, headers included if your mail program shows them:</source>
        <translation>Le message entier, en-têtes compris si votre messagerie les montre :</translation>
    </message>
    <message>
        <source>pasted reply</source>
        <translation>réponse collée</translation>
    </message>
    <message>
        <source>Open a message</source>
        <translation>Ouvrir un message</translation>
    </message>
    <message>
        <source>Messages (*.eml);;All files (*)</source>
        <translation>Messages (*.eml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>message %1</source>
        <translation>message %1</translation>
    </message>
    <message>
        <source>Type a token</source>
        <translation>Saisir un jeton</translation>
    </message>
    <message>
        <source>Unsubscribe token:</source>
        <translation>Jeton de désabonnement :</translation>
    </message>
    <message>
        <source>Every purpose (the address goes on the suppression list)</source>
        <translation>Toutes les finalités (l’adresse va sur la liste d’exclusion)</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Withdraw the consent for:</source>
        <translation>Retirer le consentement pour :</translation>
    </message>
</context>
<context>
    <name>Gui::VolunteerEditDialog</name>
    <message>
        <source>Change a volunteer&apos;s access</source>
        <translation>Modifier l’accès d’un bénévole</translation>
    </message>
    <message>
        <source>Add a volunteer</source>
        <translation>Ajouter un bénévole</translation>
    </message>
    <message>
        <source>Empty: every member. Several: separated by commas</source>
        <translation>Vide : tous les membres. Plusieurs : séparées par des virgules</translation>
    </message>
    <message>
        <source>Sections of this member file: %1</source>
        <translation>Sections de ce fichier de membres : %1</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>&amp;Sections:</source>
        <translation>&amp;Sections :</translation>
    </message>
    <message>
        <source>Create this login on the server, with a password</source>
        <translation>Créer cet identifiant sur le serveur, avec un mot de passe</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Co&amp;nfirm:</source>
        <translation>Co&amp;nfirmer :</translation>
    </message>
    <message>
        <source>Give the volunteer&apos;s login.</source>
        <translation>Indiquez l’identifiant du bénévole.</translation>
    </message>
    <message>
        <source>A volunteer&apos;s password needs at least 8 characters.</source>
        <translation>Le mot de passe d’un bénévole doit compter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
</context>
<context>
    <name>Gui::VolunteersDialog</name>
    <message>
        <source>Every member</source>
        <translation>Tous les membres</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Bénévoles</translation>
    </message>
    <message>
        <source>Each volunteer connects with a login of their own. The server itself enforces the role: an &lt;b&gt;admin&lt;/b&gt; does everything, an &lt;b&gt;editor&lt;/b&gt; changes members, consent, reports and campaigns and sends, a &lt;b&gt;reader&lt;/b&gt; looks, searches and runs reports. Sections limit a volunteer to those members.</source>
        <translation>Chaque bénévole se connecte avec son propre identifiant. Le serveur lui-même fait respecter le rôle : un &lt;b&gt;admin&lt;/b&gt; fait tout, un &lt;b&gt;éditeur&lt;/b&gt; modifie les membres, les consentements, les rapports et les campagnes et envoie, un &lt;b&gt;lecteur&lt;/b&gt; consulte, recherche et lance des rapports. Des sections limitent un bénévole à ces membres.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu pour la dernière fois</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove access…</source>
        <translation>&amp;Retirer l’accès…</translation>
    </message>
    <message>
        <source>Remove access</source>
        <translation>Retirer l’accès</translation>
    </message>
    <message>
        <source>Take every right on this member file away from %1? The login stays on the server; what %1 did stays in the audit log.</source>
        <translation>Retirer à %1 tous ses droits sur ce fichier de membres ? L’identifiant reste sur le serveur ; ce que %1 a fait reste dans le journal d’audit.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
</context>
<context>
    <name>Gui::WelcomeWidget</name>
    <message>
        <source>Welcome to Carnet</source>
        <translation>Bienvenue dans Carnet</translation>
    </message>
    <message>
        <source>Your member list is empty. Start in one of these ways:</source>
        <translation>Votre liste de membres est vide. Commencez de l’une de ces façons :</translation>
    </message>
    <message>
        <source>Drop a spreadsheet here to import members</source>
        <translation>Déposez un tableur ici pour importer des membres</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>Ajouter un membre</translation>
    </message>
    <message>
        <source>Explore the demo association</source>
        <translation>Découvrir l’association de démonstration</translation>
    </message>
</context>
<context>
    <name>Gui::WorkAside</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
</context>
<context>
    <name>Imap::ResponseParser</name>
    <message>
        <source>The server sent a line longer than %1 bytes.</source>
        <translation>Le serveur a envoyé une ligne de plus de %1 octets.</translation>
    </message>
    <message>
        <source>The server announced %1 bytes of data, more than Carnet reads (%2).</source>
        <translation>Le serveur a annoncé %1 octets de données, plus que Carnet n’en lit (%2).</translation>
    </message>
    <message>
        <source>The server sent a response Carnet cannot read: %1</source>
        <translation>Le serveur a envoyé une réponse que Carnet ne sait pas lire : %1</translation>
    </message>
</context>
<context>
    <name>Imap::Session</name>
    <message>
        <source>The mail server stopped answering (%1 s without a reply).</source>
        <translation>Le serveur de messagerie ne répond plus (%1 s sans réponse).</translation>
    </message>
    <message>
        <source>The mail server closed the connection.</source>
        <translation>Le serveur de messagerie a fermé la connexion.</translation>
    </message>
    <message>
        <source>The mail server asked for data Carnet was not sending.</source>
        <translation>Le serveur de messagerie a demandé des données que Carnet n’envoyait pas.</translation>
    </message>
    <message>
        <source>The mail server ended the session: %1</source>
        <translation>Le serveur de messagerie a mis fin à la session : %1</translation>
    </message>
    <message>
        <source>The mail server answered a command Carnet did not send.</source>
        <translation>Le serveur de messagerie a répondu à une commande que Carnet n’a pas envoyée.</translation>
    </message>
    <message>
        <source>The mail server refused the connection: %1</source>
        <translation>Le serveur de messagerie a refusé la connexion : %1</translation>
    </message>
    <message>
        <source>The mail server says the session is already authenticated; Carnet does not use such a session.</source>
        <translation>Le serveur de messagerie dit la session déjà authentifiée ; Carnet n’utilise pas une telle session.</translation>
    </message>
    <message>
        <source>The mail server&apos;s greeting was not understood.</source>
        <translation>L’accueil du serveur de messagerie n’a pas été compris.</translation>
    </message>
    <message>
        <source>The mail server does not offer STARTTLS; Carnet will not send the password in clear. Choose TLS (port 993).</source>
        <translation>Le serveur de messagerie ne propose pas STARTTLS ; Carnet n’enverra pas le mot de passe en clair. Choisissez TLS (port 993).</translation>
    </message>
    <message>
        <source>The mail server refused STARTTLS: %1</source>
        <translation>Le serveur de messagerie a refusé STARTTLS : %1</translation>
    </message>
    <message>
        <source>The mail server refused CAPABILITY: %1</source>
        <translation>Le serveur de messagerie a refusé CAPABILITY : %1</translation>
    </message>
    <message>
        <source>The connection is not encrypted; Carnet will not send the password.</source>
        <translation>La connexion n’est pas chiffrée ; Carnet n’enverra pas le mot de passe.</translation>
    </message>
    <message>
        <source>The user name or password contains a line break.</source>
        <translation>Le nom d’utilisateur ou le mot de passe contient un saut de ligne.</translation>
    </message>
    <message>
        <source>The mail server offers only LOGIN, which cannot carry this user name or password (accented characters). Ask the provider for AUTH=PLAIN.</source>
        <translation>Le serveur de messagerie ne propose que LOGIN, qui ne peut pas transmettre ce nom d’utilisateur ou ce mot de passe (caractères accentués). Demandez AUTH=PLAIN au fournisseur.</translation>
    </message>
    <message>
        <source>The mail server offers no way to log in that Carnet can use (no AUTH=PLAIN, and LOGIN disabled).</source>
        <translation>Le serveur de messagerie ne propose aucune connexion que Carnet sache utiliser (pas d’AUTH=PLAIN, et LOGIN désactivé).</translation>
    </message>
    <message>
        <source>The mail server refused the user name or password: %1</source>
        <translation>Le serveur de messagerie a refusé le nom d’utilisateur ou le mot de passe : %1</translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; cannot be opened: %2</source>
        <translation>Le dossier « %1 » ne peut pas être ouvert : %2</translation>
    </message>
    <message>
        <source>The mail server refused the search: %1</source>
        <translation>Le serveur de messagerie a refusé la recherche : %1</translation>
    </message>
    <message>
        <source>The mail server refused to give the messages: %1</source>
        <translation>Le serveur de messagerie a refusé de donner les messages : %1</translation>
    </message>
    <message>
        <source>The mail server refused to list the folders: %1</source>
        <translation>Le serveur de messagerie a refusé de lister les dossiers : %1</translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; cannot be created: %2</source>
        <translation>Le dossier « %1 » ne peut pas être créé : %2</translation>
    </message>
    <message>
        <source>The messages cannot be moved to &quot;%1&quot;: %2</source>
        <translation>Les messages ne peuvent pas être déplacés vers « %1 » : %2</translation>
    </message>
    <message>
        <source>The mail server can neither move messages (MOVE) nor remove only Carnet&apos;s (UIDPLUS); they stay where they are.</source>
        <translation>Le serveur de messagerie ne sait ni déplacer les messages (MOVE) ni retirer seulement ceux de Carnet (UIDPLUS) ; ils restent où ils sont.</translation>
    </message>
    <message>
        <source>The messages cannot be copied to &quot;%1&quot;: %2</source>
        <translation>Les messages ne peuvent pas être copiés vers « %1 » : %2</translation>
    </message>
    <message>
        <source>The copied messages cannot be removed from the folder: %1</source>
        <translation>Les messages copiés ne peuvent pas être retirés du dossier : %1</translation>
    </message>
    <message>
        <source>The message cannot be put in &quot;%1&quot;: %2</source>
        <translation>Le message ne peut pas être déposé dans « %1 » : %2</translation>
    </message>
</context>
<context>
    <name>Import::ConsentColumns</name>
    <message>
        <source>Mailchimp opt-in times (%1): each row is an express consent on that date.</source>
        <translation>Dates d’inscription Mailchimp (%1) : chaque ligne est un consentement exprès à cette date.</translation>
    </message>
    <message>
        <source>A Mailchimp unsubscribed list: each row is a withdrawal.</source>
        <translation>Une liste de désinscrits Mailchimp : chaque ligne est un retrait.</translation>
    </message>
    <message>
        <source>A Mailchimp cleaned list (addresses that bounced): each row is a withdrawal.</source>
        <translation>Une liste « cleaned » de Mailchimp (adresses en échec) : chaque ligne est un retrait.</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; says yes or no: yes is an express consent, no withdraws a consent given before.</source>
        <translation>La colonne « %1 » dit oui ou non : oui est un consentement exprès, non retire un consentement donné avant.</translation>
    </message>
</context>
<context>
    <name>Import::ConsentRecorder</name>
    <message>
        <source>There is no purpose &quot;%1&quot;. Purposes: %2.</source>
        <translation>Il n’y a pas de finalité « %1 ». Finalités : %2.</translation>
    </message>
    <message>
        <source>import %1, line %2</source>
        <translation>import %1, ligne %2</translation>
    </message>
</context>
<context>
    <name>Import::CsvFile</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a spreadsheet file.</source>
        <translation>%1 est un dossier, pas un fichier de tableur.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <source>Unknown encoding &quot;%1&quot;.</source>
        <translation>Encodage inconnu « %1 ».</translation>
    </message>
    <message>
        <source>A quoted value opened on this line is never closed; the rest of the file was read as part of it.</source>
        <translation>Une valeur entre guillemets ouverte sur cette ligne n’est jamais fermée ; la suite du fichier a été lue comme en faisant partie.</translation>
    </message>
    <message>
        <source>Line %1 holds a value of more than a million characters: this is not a member list. Check that you chose the right file.</source>
        <translation>La ligne %1 contient une valeur de plus d’un million de caractères : ce n’est pas une liste de membres. Vérifiez que vous avez choisi le bon fichier.</translation>
    </message>
    <message>
        <source>Some bytes on this line cannot be read as %1; they are shown as �. Check the file&apos;s encoding.</source>
        <translation>Des octets de cette ligne ne peuvent pas être lus en %1 ; ils sont affichés comme �. Vérifiez l’encodage du fichier.</translation>
    </message>
    <message>
        <source>%1 is not a member list: it is neither a spreadsheet (.xlsx, .ods) nor text (CSV), but looks like a binary file (an image, a PDF, a program). Check that you chose the right file.</source>
        <translation>%1 n’est pas une liste de membres : ce n’est ni un classeur (.xlsx, .ods) ni du texte (CSV), mais cela ressemble à un fichier binaire (une image, un PDF, un programme). Vérifiez que vous avez choisi le bon fichier.</translation>
    </message>
</context>
<context>
    <name>Import::Importer</name>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>L’import a été annulé ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>This date could be day/month or month/day; say which the file uses.</source>
        <translation>Cette date peut se lire jour/mois ou mois/jour ; indiquez l’ordre utilisé par le fichier.</translation>
    </message>
    <message>
        <source>This is not a date this import understands (use 2024-03-15 or 15/03/2024).</source>
        <translation>Cette date n’est pas comprise (utilisez 2024-03-15 ou 15/03/2024).</translation>
    </message>
    <message>
        <source>This looks like a number whose leading zero was lost by a spreadsheet; it was kept as written.</source>
        <translation>On dirait un numéro dont le tableur a perdu le zéro initial ; il a été gardé tel quel.</translation>
    </message>
    <message>
        <source>Same member as line %1.</source>
        <translation>Même membre qu’à la ligne %1.</translation>
    </message>
    <message>
        <source>Member number %1 already belongs to another member.</source>
        <translation>Le n° de membre %1 appartient déjà à un autre membre.</translation>
    </message>
    <message>
        <source>This line has %1 values where the header has %2 columns.</source>
        <translation>Cette ligne a %1 valeurs alors que l’en-tête a %2 colonnes.</translation>
    </message>
    <message>
        <source>This file has no consent column: no consent was recorded.</source>
        <translation>Ce fichier n’a pas de colonne de consentement : aucun consentement n’a été enregistré.</translation>
    </message>
</context>
<context>
    <name>Import::IssueReport</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
</context>
<context>
    <name>Import::SpreadsheetFile</name>
    <message>
        <source>it declares a document type or entities, which no spreadsheet does</source>
        <translation>il déclare un type de document ou des entités, ce qu’aucun classeur ne fait</translation>
    </message>
    <message>
        <source>it has more rows than any spreadsheet can hold</source>
        <translation>il a plus de lignes qu’aucun tableur ne peut en contenir</translation>
    </message>
    <message>
        <source>A value lies beyond the last column a spreadsheet can have; it was left out.</source>
        <translation>Une valeur se trouve au-delà de la dernière colonne possible d’un tableur ; elle a été laissée de côté.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a spreadsheet: %2</source>
        <translation>%1 ne peut pas être lu comme un classeur : %2</translation>
    </message>
    <message>
        <source>%1 is not a complete spreadsheet: its workbook is missing. Open it in your spreadsheet and save it again.</source>
        <translation>%1 n’est pas un classeur complet : son classeur interne manque. Ouvrez-le dans votre tableur et enregistrez-le de nouveau.</translation>
    </message>
    <message>
        <source>%1 holds more text than Carnet reads from one spreadsheet; it was not read.</source>
        <translation>%1 contient plus de texte que Carnet n’en lit d’un classeur ; il n’a pas été lu.</translation>
    </message>
    <message>
        <source>%1 is not a complete spreadsheet: its content is missing.</source>
        <translation>%1 n’est pas un classeur complet : son contenu manque.</translation>
    </message>
    <message>
        <source>%1 is an OpenDocument file, but not a spreadsheet (%2). Open the member list in LibreOffice Calc and save it as .ods.</source>
        <translation>%1 est un fichier OpenDocument, mais pas un classeur (%2). Ouvrez la liste de membres dans LibreOffice Calc et enregistrez-la en .ods.</translation>
    </message>
    <message>
        <source>%1 is an Office document, but not a spreadsheet (a Word or PowerPoint file?). Open the member list in Excel or LibreOffice Calc and save it as .xlsx.</source>
        <translation>%1 est un document Office, mais pas un classeur (un fichier Word ou PowerPoint ?). Ouvrez la liste de membres dans Excel ou LibreOffice Calc et enregistrez-la en .xlsx.</translation>
    </message>
    <message>
        <source>%1 is a zip archive, not a spreadsheet. Unpack it and drop the member list it holds.</source>
        <translation>%1 est une archive zip, pas un classeur. Décompressez-la et déposez la liste de membres qu’elle contient.</translation>
    </message>
    <message>
        <source>%1 is protected by a password: open it, remove the password (File › Properties › Security in LibreOffice), save it again, then import it.</source>
        <translation>%1 est protégé par un mot de passe : ouvrez-le, retirez le mot de passe (Fichier › Propriétés › Sécurité dans LibreOffice), enregistrez-le de nouveau, puis importez-le.</translation>
    </message>
    <message>
        <source>%1 holds no sheet.</source>
        <translation>%1 ne contient aucune feuille.</translation>
    </message>
    <message>
        <source>%1 has no sheet &quot;%2&quot;. Its sheets: %3.</source>
        <translation>%1 n’a pas de feuille « %2 ». Ses feuilles : %3.</translation>
    </message>
    <message>
        <source>%1 is not a complete spreadsheet: the sheet &quot;%2&quot; is missing.</source>
        <translation>%1 n’est pas un classeur complet : la feuille « %2 » manque.</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; is empty: the sheet &quot;%2&quot; is read instead.</source>
        <translation>La feuille « %1 » est vide : la feuille « %2 » est lue à la place.</translation>
    </message>
    <message>
        <source>%1 is empty: none of its sheets holds anything.</source>
        <translation>%1 est vide : aucune de ses feuilles ne contient quoi que ce soit.</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; of %2 is empty. Choose another sheet.</source>
        <translation>La feuille « %1 » de %2 est vide. Choisissez une autre feuille.</translation>
    </message>
    <message>
        <source>%1 cannot be read further than row %2: %3</source>
        <translation>%1 ne peut pas être lu au-delà de la ligne %2 : %3</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
</context>
<context>
    <name>Import::TableSource</name>
    <message>
        <source>%1 is protected by a password: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, then clear it), save it again, then import it.</source>
        <translation>%1 est protégé par un mot de passe : ouvrez-le dans Excel, retirez le mot de passe (Fichier › Informations › Protéger le classeur › Chiffrer avec mot de passe, puis effacez-le), enregistrez-le de nouveau, puis importez-le.</translation>
    </message>
    <message>
        <source>%1 is an old Excel 97–2003 workbook (.xls), which Carnet does not read. Open it in Excel or LibreOffice Calc and use File › Save as › Excel workbook (.xlsx) or OpenDocument spreadsheet (.ods), then import that file.</source>
        <translation>%1 est un ancien classeur Excel 97–2003 (.xls), que Carnet ne lit pas. Ouvrez-le dans Excel ou LibreOffice Calc, choisissez Fichier › Enregistrer sous › Classeur Excel (.xlsx) ou Classeur OpenDocument (.ods), puis importez ce fichier.</translation>
    </message>
    <message>
        <source>%1 is a web page (or an Excel 2003 XML file) with a spreadsheet&apos;s name, not a spreadsheet. Open it in Excel or LibreOffice Calc, save it as .xlsx, .ods or CSV, then import that file.</source>
        <translation>%1 est une page web (ou un fichier XML Excel 2003) qui porte un nom de classeur, pas un classeur. Ouvrez-le dans Excel ou LibreOffice Calc, enregistrez-le en .xlsx, .ods ou CSV, puis importez ce fichier.</translation>
    </message>
</context>
<context>
    <name>Import::ZipArchive</name>
    <message>
        <source>it ends too early</source>
        <translation>il s’arrête trop tôt</translation>
    </message>
    <message>
        <source>it unpacks to far more data than a spreadsheet of its size can hold (a &quot;zip bomb&quot;); reading stopped</source>
        <translation>il se décompresse en bien plus de données qu’un classeur de sa taille ne peut en contenir (une « bombe zip ») ; la lecture a été arrêtée</translation>
    </message>
    <message>
        <source>its checksum does not match</source>
        <translation>sa somme de contrôle ne correspond pas</translation>
    </message>
    <message>
        <source>the file is damaged (%1)</source>
        <translation>le fichier est endommagé (%1)</translation>
    </message>
    <message>
        <source>%1 is not a spreadsheet file: it is not the zip file an .xlsx or .ods file is.</source>
        <translation>%1 n’est pas un fichier de classeur : ce n’est pas le fichier zip qu’est un .xlsx ou un .ods.</translation>
    </message>
    <message>
        <source>its end is missing</source>
        <translation>sa fin manque</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete (%2): was it completely downloaded or copied? Open it in your spreadsheet and save it again.</source>
        <translation>%1 est endommagé ou incomplet (%2) : a-t-il été entièrement téléchargé ou copié ? Ouvrez-le dans votre tableur et enregistrez-le de nouveau.</translation>
    </message>
    <message>
        <source>%1 holds %2 files packed inside: no spreadsheet has that many. It was not read.</source>
        <translation>%1 contient %2 fichiers compressés : aucun classeur n’en a autant. Il n’a pas été lu.</translation>
    </message>
    <message>
        <source>a part of it is packed in a way spreadsheets do not use (encrypted, or compressed other than by deflate)</source>
        <translation>une partie en est compressée d’une façon que les classeurs n’utilisent pas (chiffrée, ou autrement que par deflate)</translation>
    </message>
    <message>
        <source>%1 inside the file is too large</source>
        <translation>%1 est trop grand dans le fichier</translation>
    </message>
</context>
<context>
    <name>Mail::Campaign</name>
    <message>
        <source>The campaign needs a name.</source>
        <translation>La campagne a besoin d’un nom.</translation>
    </message>
    <message>
        <source>The message needs a subject.</source>
        <translation>Le message a besoin d’un objet.</translation>
    </message>
    <message>
        <source>The message has no text.</source>
        <translation>Le message n’a pas de texte.</translation>
    </message>
    <message>
        <source>There is no consent purpose &quot;%1&quot;.</source>
        <translation>Il n’y a pas de finalité de consentement « %1 ».</translation>
    </message>
    <message>
        <source>There is no campaign %1.</source>
        <translation>Il n’y a pas de campagne %1.</translation>
    </message>
    <message>
        <source>The audience is all, never-invited, invited-no-answer[:DAYS], report:NAME or member:ID, not &quot;%1&quot;.</source>
        <translation>Les destinataires sont all, never-invited, invited-no-answer[:JOURS], report:NOM ou member:ID, pas « %1 ».</translation>
    </message>
    <message>
        <source>A campaign is already called &quot;%1&quot;: choose another name.</source>
        <translation>Une campagne s’appelle déjà « %1 » : choisissez un autre nom.</translation>
    </message>
    <message>
        <source>This campaign&apos;s messages are already queued: it can no longer be changed: write a new campaign instead.</source>
        <translation>Les messages de cette campagne sont déjà dans la boîte d’envoi : elle ne peut plus être modifiée ; rédigez plutôt une nouvelle campagne.</translation>
    </message>
</context>
<context>
    <name>Mail::CampaignComposer</name>
    <message>
        <source>Every message must say who sends it: fill in the organisation&apos;s name, postal address and contact email first (Consent › Organisation).</source>
        <translation>Chaque message doit dire qui l’envoie : renseignez d’abord le nom, l’adresse postale et l’e-mail de contact de l’organisation (Consentement › Organisation).</translation>
    </message>
    <message>
        <source>%1 has no email address.</source>
        <translation>%1 n’a pas d’adresse e-mail.</translation>
    </message>
</context>
<context>
    <name>Mail::CampaignService</name>
    <message>
        <source>The default message is missing from this installation.</source>
        <translation>Le message par défaut manque à cette installation.</translation>
    </message>
    <message>
        <source>Saved reports cannot be used as an audience here.</source>
        <translation>Les rapports enregistrés ne peuvent pas servir de destinataires ici.</translation>
    </message>
    <message>
        <source>Unknown audience &quot;%1&quot;.</source>
        <translation>Destinataires inconnus « %1 ».</translation>
    </message>
    <message>
        <source>Stopped: nothing was queued.</source>
        <translation>Arrêté : rien n’a été mis en file.</translation>
    </message>
    <message>
        <source>Campaign %1 has not been sent yet.</source>
        <translation>La campagne %1 n’a pas encore été envoyée.</translation>
    </message>
    <message>
        <source>[Test] %1</source>
        <translation>[Essai] %1</translation>
    </message>
    <message>
        <source>This member has not been sent an invitation.</source>
        <translation>Ce membre n’a reçu aucune invitation.</translation>
    </message>
    <message>
        <source>Invitation &quot;%1&quot; sent on %2: accepted</source>
        <translation>Invitation « %1 » envoyée le %2 : acceptée</translation>
    </message>
    <message>
        <source>The token is valid but its member is no longer in the member file (erased).</source>
        <translation>Le jeton est valide mais son membre n’est plus dans le fichier (effacé).</translation>
    </message>
    <message>
        <source>Request %1 was already processed.</source>
        <translation>La demande %1 a déjà été traitée.</translation>
    </message>
    <message>
        <source>Request %1 names no member: find the member and record the withdrawal on their record.</source>
        <translation>La demande %1 ne désigne aucun membre : retrouvez le membre et enregistrez le retrait sur sa fiche.</translation>
    </message>
    <message>
        <source>There is no unsubscribe request %1.</source>
        <translation>Il n’y a pas de demande de désabonnement %1.</translation>
    </message>
    <message>
        <source>Consent withdrawn for every purpose (suppression list)</source>
        <translation>Consentement retiré pour toutes les finalités (liste d’exclusion)</translation>
    </message>
    <message>
        <source>Consent withdrawn: %1</source>
        <translation>Consentement retiré : %1</translation>
    </message>
</context>
<context>
    <name>Mail::ConsentGate</name>
    <message>
        <source>Not sent: %1 (checked just before sending).</source>
        <translation>Non envoyé : %1 (vérifié juste avant l’envoi).</translation>
    </message>
    <message>
        <source>Not sent: the member&apos;s data was erased.</source>
        <translation>Non envoyé : les données du membre ont été effacées.</translation>
    </message>
    <message>
        <source>Not sent: the address is on the suppression list.</source>
        <translation>Non envoyé : l’adresse est sur la liste d’exclusion.</translation>
    </message>
</context>
<context>
    <name>Mail::Inbound</name>
    <message>
        <source>Delivery failure report</source>
        <translation>Avis de non-remise</translation>
    </message>
    <message>
        <source>Spam complaint</source>
        <translation>Plainte pour indésirable</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>Réponse automatique</translation>
    </message>
    <message>
        <source>Unsubscribe request</source>
        <translation>Demande de désabonnement</translation>
    </message>
    <message>
        <source>Not understood (left for a person)</source>
        <translation>Non compris (laissé à une personne)</translation>
    </message>
    <message>
        <source>Address does not exist</source>
        <translation>L’adresse n’existe pas</translation>
    </message>
    <message>
        <source>Domain does not exist</source>
        <translation>Le domaine n’existe pas</translation>
    </message>
    <message>
        <source>Account closed</source>
        <translation>Compte fermé</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>Boîte pleine</translation>
    </message>
    <message>
        <source>Temporary failure</source>
        <translation>Échec temporaire</translation>
    </message>
    <message>
        <source>Refused by the receiving server&apos;s policy</source>
        <translation>Refusé par la politique du serveur destinataire</translation>
    </message>
    <message>
        <source>Message too large</source>
        <translation>Message trop gros</translation>
    </message>
    <message>
        <source>Marked as spam</source>
        <translation>Signalé comme indésirable</translation>
    </message>
    <message>
        <source>Away (automatic reply)</source>
        <translation>Absent (réponse automatique)</translation>
    </message>
    <message>
        <source>Not understood</source>
        <translation>Non compris</translation>
    </message>
</context>
<context>
    <name>Mail::MailboxAccount</name>
    <message>
        <source>The mailbox needs a server name, such as imap.example.org.</source>
        <translation>La boîte aux lettres a besoin d’un nom de serveur, comme imap.example.org.</translation>
    </message>
    <message>
        <source>The mailbox needs the user name it logs in with (usually the address).</source>
        <translation>La boîte aux lettres a besoin du nom d’utilisateur avec lequel elle se connecte (en général l’adresse).</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Le port doit être entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The folder read and the folder for processed messages must be named, and differ.</source>
        <translation>Le dossier lu et le dossier des messages traités doivent être nommés, et différents.</translation>
    </message>
    <message>
        <source>Check the mailbox every 0 (never by itself) to 1440 minutes.</source>
        <translation>Relever la boîte toutes les 0 (jamais d’elle-même) à 1440 minutes.</translation>
    </message>
    <message>
        <source>Gmail needs IMAP turned on (Settings › Forwarding and POP/IMAP) and an app password (Google Account › Security › App passwords), typed as the password.</source>
        <translation>Gmail demande d’activer IMAP (Paramètres › Transfert et POP/IMAP) et un mot de passe d’application (Compte Google › Sécurité › Mots de passe des applications), saisi comme mot de passe.</translation>
    </message>
    <message>
        <source>Microsoft is turning off password sign-in for IMAP: use an app password if the account offers one; for Microsoft 365 the administrator must allow IMAP for this mailbox.</source>
        <translation>Microsoft abandonne la connexion IMAP par mot de passe : utilisez un mot de passe d’application si le compte en propose ; pour Microsoft 365, l’administrateur doit autoriser IMAP pour cette boîte.</translation>
    </message>
    <message>
        <source>Free needs IMAP access turned on in the subscriber area first.</source>
        <translation>Free demande d’abord d’activer l’accès IMAP dans l’espace abonné.</translation>
    </message>
</context>
<context>
    <name>Mail::MailboxRunner</name>
    <message>
        <source>The folder %1 was renumbered by the server since the message was read: look for it in your mail program.</source>
        <translation>Le serveur a renuméroté le dossier %1 depuis la lecture du message : cherchez-le dans votre messagerie.</translation>
    </message>
    <message>
        <source>The message is no longer in %1: it was moved or deleted in a mail program.</source>
        <translation>Le message n’est plus dans %1 : il a été déplacé ou supprimé dans une messagerie.</translation>
    </message>
</context>
<context>
    <name>Mail::Mime</name>
    <message>
        <source>The %1 address contains a line break.</source>
        <translation>L’adresse %1 contient un saut de ligne.</translation>
    </message>
    <message>
        <source>The %1 address &quot;%2&quot; cannot be used: %3</source>
        <translation>L’adresse %1 « %2 » est inutilisable : %3</translation>
    </message>
    <message>
        <source>The message has no recipient.</source>
        <translation>Le message n’a pas de destinataire.</translation>
    </message>
    <message>
        <source>The unsubscribe link is not a URI: %1</source>
        <translation>Le lien de désinscription n’est pas une URI : %1</translation>
    </message>
</context>
<context>
    <name>Mail::Outbox</name>
    <message>
        <source>Interrupted while sending: it may or may not have gone.</source>
        <translation>Interrompu pendant l’envoi : il est peut-être parti, peut-être pas.</translation>
    </message>
    <message>
        <source>Message %1 is no longer waiting to be sent.</source>
        <translation>Le message %1 n’attend plus d’être envoyé.</translation>
    </message>
    <message>
        <source>Gave up after %1 attempts; last reply: %2</source>
        <translation>Abandon après %1 tentatives ; dernière réponse : %2</translation>
    </message>
    <message>
        <source>There is no message %1 in the unknown state.</source>
        <translation>Il n’y a pas de message %1 à l’état incertain.</translation>
    </message>
    <message>
        <source>There is no batch %1.</source>
        <translation>Il n’y a pas de lot %1.</translation>
    </message>
    <message>
        <source>The sending account&apos;s limits are reached.</source>
        <translation>Les limites du compte d’envoi sont atteintes.</translation>
    </message>
</context>
<context>
    <name>Mail::ReturnedMailService</name>
    <message>
        <source>Address marked undeliverable</source>
        <translation>Adresse marquée non distribuable</translation>
    </message>
    <message>
        <source>Temporary failure counted</source>
        <translation>Échec temporaire compté</translation>
    </message>
    <message>
        <source>Nothing done to the member; the sending account is warned</source>
        <translation>Rien n’est fait au membre ; le compte d’envoi est averti</translation>
    </message>
    <message>
        <source>Campaign flagged: message too large</source>
        <translation>Campagne signalée : message trop gros</translation>
    </message>
    <message>
        <source>Consent withdrawn, address suppressed</source>
        <translation>Consentement retiré, adresse sur la liste d’exclusion</translation>
    </message>
    <message>
        <source>Member shown as away</source>
        <translation>Membre indiqué absent</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Désabonné</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>Rien à faire</translation>
    </message>
    <message>
        <source>Left in the mailbox for a person</source>
        <translation>Laissé dans la boîte pour une personne</translation>
    </message>
    <message>
        <source>Spam complaint (%1)</source>
        <translation>Plainte pour indésirable (%1)</translation>
    </message>
    <message>
        <source>Complaint report read from the mailbox, message %1</source>
        <translation>Rapport de plainte lu dans la boîte aux lettres, message %1</translation>
    </message>
    <message>
        <source>There is no message %1 read from the mailbox.</source>
        <translation>Aucun message %1 n’a été lu dans la boîte aux lettres.</translation>
    </message>
    <message>
        <source>This message was already undone.</source>
        <translation>Ce message a déjà été annulé.</translation>
    </message>
    <message>
        <source>An unsubscribe request carrying the member&apos;s own link is theirs: it cannot be undone here. Record a new consent if they ask.</source>
        <translation>Une demande de désabonnement portant le lien personnel du membre vient de lui : elle ne peut pas être annulée ici. Enregistrez un nouveau consentement s’il le demande.</translation>
    </message>
    <message>
        <source>This member&apos;s address is not marked undeliverable.</source>
        <translation>L’adresse de ce membre n’est pas marquée non distribuable.</translation>
    </message>
</context>
<context>
    <name>Mail::SmtpAccount</name>
    <message>
        <source>The server needs a host name, such as smtp.example.org.</source>
        <translation>Le serveur doit avoir un nom d’hôte, comme smtp.exemple.fr.</translation>
    </message>
    <message>
        <source>The port is a number between 1 and 65535.</source>
        <translation>Le port est un nombre entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The sender needs a valid address.</source>
        <translation>L’expéditeur doit avoir une adresse valide.</translation>
    </message>
    <message>
        <source>The reply-to address is not valid.</source>
        <translation>L’adresse de réponse n’est pas valide.</translation>
    </message>
    <message>
        <source>Limits are zero (none) or positive numbers.</source>
        <translation>Les limites valent zéro (aucune) ou un nombre positif.</translation>
    </message>
</context>
<context>
    <name>Mail::SmtpPresets</name>
    <message>
        <source>Google refuses your usual password here: turn on 2-Step Verification, then create an app password (Google Account › Security › App passwords) and type those 16 letters as the password.</source>
        <translation>Google refuse ici votre mot de passe habituel : activez la validation en deux étapes, puis créez un mot de passe d’application (Compte Google › Sécurité › Mots de passe des applications) et tapez ces 16 lettres comme mot de passe.</translation>
    </message>
    <message>
        <source>Microsoft is turning off password sign-in for sending: use an app password if your account offers one (Microsoft account › Security); for Microsoft 365, the administrator must allow SMTP authentication for this mailbox.</source>
        <translation>Microsoft supprime la connexion par mot de passe pour l’envoi : utilisez un mot de passe d’application si votre compte en propose (Compte Microsoft › Sécurité) ; pour Microsoft 365, l’administrateur doit autoriser l’authentification SMTP pour cette boîte.</translation>
    </message>
</context>
<context>
    <name>Mail::UnsubscribeToken</name>
    <message>
        <source>This is not an unsubscribe token from this member file.</source>
        <translation>Ce n’est pas un jeton de désabonnement de ce fichier de membres.</translation>
    </message>
</context>
<context>
    <name>MemberEditorDialog</name>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>First name *</source>
        <translation>Prénom *</translation>
    </message>
    <message>
        <source>Last name *</source>
        <translation>Nom *</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Pas d’adresse e-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Portable</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>N° de membre</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>Membre depuis</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Membership ends</source>
        <translation>Fin d’adhésion</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Same household as</source>
        <translation>Même foyer que</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatoire</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
</context>
<context>
    <name>ReportParamsDialog</name>
    <message>
        <source>Run the report</source>
        <translation>Exécuter le rapport</translation>
    </message>
</context>
<context>
    <name>ReportWizardPageColumns</name>
    <message>
        <source>2. Columns</source>
        <translation>2. Colonnes</translation>
    </message>
    <message>
        <source>Choose the columns and their order. Double-click a field to add or remove it.</source>
        <translation>Choisissez les colonnes et leur ordre. Double-cliquez sur un champ pour l’ajouter ou le retirer.</translation>
    </message>
    <message>
        <source>&amp;Available fields</source>
        <translation>Champs &amp;disponibles</translation>
    </message>
    <message>
        <source>C&amp;olumns of the report</source>
        <translation>C&amp;olonnes du rapport</translation>
    </message>
    <message>
        <source>&amp;Add →</source>
        <translation>&amp;Ajouter →</translation>
    </message>
    <message>
        <source>← &amp;Remove</source>
        <translation>← &amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>&amp;Descendre</translation>
    </message>
</context>
<context>
    <name>ReportWizardPageFilters</name>
    <message>
        <source>3. Filters</source>
        <translation>3. Filtres</translation>
    </message>
    <message>
        <source>Which members? Leave it empty for every member. A value can be left open: the report then asks for it each time it runs.</source>
        <translation>Quels membres ? Laissez vide pour tous les membres. Une valeur peut rester ouverte : le rapport la demande alors à chaque exécution.</translation>
    </message>
</context>
<context>
    <name>ReportWizardPagePreview</name>
    <message>
        <source>5. Preview</source>
        <translation>5. Aperçu</translation>
    </message>
    <message>
        <source>The first rows and the total, as the report will give them.</source>
        <translation>Les premières lignes et le total, tels que le rapport les donnera.</translation>
    </message>
    <message>
        <source>Answers to the questions the report asks</source>
        <translation>Réponses aux questions que pose le rapport</translation>
    </message>
</context>
<context>
    <name>ReportWizardPageSave</name>
    <message>
        <source>6. Save</source>
        <translation>6. Enregistrement</translation>
    </message>
    <message>
        <source>Give the report a name; groups and subgroups sort the side panel&apos;s Reports.</source>
        <translation>Donnez un nom au rapport ; groupes et sous-groupes rangent les Rapports du panneau latéral.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>&amp;Groupe</translation>
    </message>
    <message>
        <source>S&amp;ubgroup</source>
        <translation>So&amp;us-groupe</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>&amp;Then</source>
        <translation>&amp;Ensuite</translation>
    </message>
</context>
<context>
    <name>ReportWizardPageSort</name>
    <message>
        <source>4. Sort and totals</source>
        <translation>4. Tri et totaux</translation>
    </message>
    <message>
        <source>The order of the rows, and optionally how many members per value of a field (per section, per category…).</source>
        <translation>L’ordre des lignes et, si vous le voulez, le nombre de membres par valeur d’un champ (par section, par catégorie…).</translation>
    </message>
    <message>
        <source>&amp;Sort by</source>
        <translation>&amp;Trier par</translation>
    </message>
    <message>
        <source>&amp;Then by</source>
        <translation>&amp;Puis par</translation>
    </message>
    <message>
        <source>&amp;Count members per</source>
        <translation>&amp;Compter les membres par</translation>
    </message>
</context>
<context>
    <name>ReportWizardPageSubject</name>
    <message>
        <source>1. What</source>
        <translation>1. Quoi</translation>
    </message>
    <message>
        <source>What the report lists.</source>
        <translation>Ce que le rapport liste.</translation>
    </message>
    <message>
        <source>&amp;Members — one row per member</source>
        <translation>&amp;Membres — une ligne par membre</translation>
    </message>
    <message>
        <source>Every member field, the membership status, consent per purpose and the attributes your imports brought in.</source>
        <translation>Tous les champs des membres, le statut d’adhésion, le consentement par finalité et les attributs apportés par vos imports.</translation>
    </message>
</context>
<context>
    <name>Reports::QueryBuilder</name>
    <message>
        <source>A value is an object but not a parameter.</source>
        <translation>Une valeur est un objet mais pas un paramètre.</translation>
    </message>
    <message>
        <source>The report asks for &quot;%1&quot;: give it with --param %2=VALUE.</source>
        <translation>Le rapport demande « %1 » : donnez-le avec --param %2=VALEUR.</translation>
    </message>
    <message>
        <source>Unknown operator &quot;%1&quot;.</source>
        <translation>Opérateur inconnu « %1 ».</translation>
    </message>
    <message>
        <source>A consent field takes eq or ne.</source>
        <translation>Un champ de consentement prend eq ou ne.</translation>
    </message>
    <message>
        <source>Consent conditions cannot be used here.</source>
        <translation>Les conditions de consentement ne s’utilisent pas ici.</translation>
    </message>
    <message>
        <source>extra. needs a name.</source>
        <translation>extra. demande un nom.</translation>
    </message>
    <message>
        <source>The attribute name &quot;%1&quot; cannot be used in a filter.</source>
        <translation>Le nom d’attribut « %1 » ne peut pas servir dans un filtre.</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;.</source>
        <translation>Champ inconnu « %1 ».</translation>
    </message>
    <message>
        <source>The value of %1 must be text or a number.</source>
        <translation>La valeur de %1 doit être un texte ou un nombre.</translation>
    </message>
    <message>
        <source>in takes a list of 1 to 1,000 values.</source>
        <translation>in prend une liste de 1 à 1 000 valeurs.</translation>
    </message>
    <message>
        <source>between takes two values.</source>
        <translation>between prend deux valeurs.</translation>
    </message>
    <message>
        <source>The filter is nested too deeply.</source>
        <translation>Le filtre est imbriqué trop profondément.</translation>
    </message>
    <message>
        <source>A filter element must be an object.</source>
        <translation>Un élément de filtre doit être un objet.</translation>
    </message>
    <message>
        <source>A group is either all or any.</source>
        <translation>Un groupe est soit all, soit any.</translation>
    </message>
    <message>
        <source>A group holds a list.</source>
        <translation>Un groupe contient une liste.</translation>
    </message>
    <message>
        <source>A condition needs a field and an operator.</source>
        <translation>Une condition demande un champ et un opérateur.</translation>
    </message>
    <message>
        <source>The membership status takes eq or ne.</source>
        <translation>Le statut d’adhésion prend eq ou ne.</translation>
    </message>
    <message>
        <source>days is a number of days from 1 to 3,650.</source>
        <translation>days est un nombre de jours de 1 à 3 650.</translation>
    </message>
    <message>
        <source>The membership status is active, expired or ending, not &quot;%1&quot;.</source>
        <translation>Le statut d’adhésion vaut active, expired ou ending, pas « %1 ».</translation>
    </message>
    <message>
        <source>The free text takes contains.</source>
        <translation>Le texte libre prend contains.</translation>
    </message>
    <message>
        <source>The free text must be text.</source>
        <translation>Le texte libre doit être du texte.</translation>
    </message>
    <message>
        <source>A value holds a NUL character, which no member field can hold.</source>
        <translation>Une valeur contient un caractère NUL, qu’aucun champ de membre ne peut contenir.</translation>
    </message>
</context>
<context>
    <name>Reports::Report</name>
    <message>
        <source>The report needs a name.</source>
        <translation>Le rapport doit avoir un nom.</translation>
    </message>
    <message>
        <source>Unknown column &quot;%1&quot;.</source>
        <translation>Colonne inconnue « %1 ».</translation>
    </message>
    <message>
        <source>The report needs at least one column.</source>
        <translation>Le rapport doit avoir au moins une colonne.</translation>
    </message>
    <message>
        <source>Reports sort by member fields only.</source>
        <translation>Les rapports se trient sur des champs de membre seulement.</translation>
    </message>
    <message>
        <source>Reports group by member fields only.</source>
        <translation>Les rapports se regroupent sur des champs de membre seulement.</translation>
    </message>
    <message>
        <source>There is no report &quot;%1&quot;.</source>
        <translation>Il n’y a pas de rapport « %1 ».</translation>
    </message>
    <message>
        <source>A consent condition is eligible, not_eligible, withdrawn or expiring, not &quot;%1&quot;.</source>
        <translation>Une condition de consentement vaut eligible, not_eligible, withdrawn ou expiring, pas « %1 ».</translation>
    </message>
    <message>
        <source>Membership status</source>
        <translation>Statut d’adhésion</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Consentement : %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Ending soon</source>
        <translation>Se termine bientôt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
</context>
<context>
    <name>Reports::ReportExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>The export was stopped.</source>
        <translation>L’export a été arrêté.</translation>
    </message>
    <message>
        <source>A spreadsheet is written to a file: give the file&apos;s name.</source>
        <translation>Un classeur s’écrit dans un fichier : donnez le nom du fichier.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
</context>
<context>
    <name>Reports::SpreadsheetWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>This spreadsheet is already written.</source>
        <translation>Ce classeur est déjà écrit.</translation>
    </message>
    <message>
        <source>This spreadsheet has no sheet to write to.</source>
        <translation>Ce classeur n’a pas de feuille où écrire.</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>le dossier n’existe pas</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>c’est un dossier</translation>
    </message>
</context>
<context>
    <name>Reports::TableExport</name>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
</context>
<context>
    <name>Settings::CredentialStore</name>
    <message>
        <source>No password is kept for %1.</source>
        <translation>Aucun mot de passe n’est gardé pour %1.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language is used the next time Carnet starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Carnet.</translation>
    </message>
</context>
<context>
    <name>Smtp::Session</name>
    <message>
        <source>The server stopped answering (%1 s without a reply).</source>
        <translation>Le serveur ne répond plus (%1 s sans réponse).</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>Le serveur a fermé la connexion.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not SMTP: %1</source>
        <translation>La réponse du serveur n’est pas du SMTP : %1</translation>
    </message>
    <message>
        <source>The connection is not encrypted: the password was not sent.</source>
        <translation>La connexion n’est pas chiffrée : le mot de passe n’a pas été envoyé.</translation>
    </message>
    <message>
        <source>The server offers no sign-in method Carnet knows (PLAIN or LOGIN).</source>
        <translation>Le serveur ne propose aucune méthode de connexion que Carnet connaît (PLAIN ou LOGIN).</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Pas connecté.</translation>
    </message>
    <message>
        <source>The message (%1 bytes) is larger than the server accepts (%2 bytes).</source>
        <translation>Le message (%1 octets) dépasse ce que le serveur accepte (%2 octets).</translation>
    </message>
    <message>
        <source>An address has non-ASCII characters and the server does not accept them (no SMTPUTF8).</source>
        <translation>Une adresse contient des caractères non ASCII et le serveur ne les accepte pas (pas de SMTPUTF8).</translation>
    </message>
    <message>
        <source>The server refused the connection: %1</source>
        <translation>Le serveur a refusé la connexion : %1</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS: nothing was sent, no password either. Check the port (587) or choose TLS (465).</source>
        <translation>Le serveur ne propose pas STARTTLS : rien n’a été envoyé, pas même le mot de passe. Vérifiez le port (587) ou choisissez TLS (465).</translation>
    </message>
    <message>
        <source>The server refused EHLO: %1</source>
        <translation>Le serveur a refusé EHLO : %1</translation>
    </message>
    <message>
        <source>The server refused HELO: %1</source>
        <translation>Le serveur a refusé HELO : %1</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS: nothing was sent, no password either.</source>
        <translation>Le serveur ne propose pas STARTTLS : rien n’a été envoyé, pas même le mot de passe.</translation>
    </message>
    <message>
        <source>The server refused STARTTLS: %1. Nothing was sent, no password either.</source>
        <translation>Le serveur a refusé STARTTLS : %1. Rien n’a été envoyé, pas même le mot de passe.</translation>
    </message>
    <message>
        <source>Sign-in refused: %1</source>
        <translation>Connexion refusée : %1</translation>
    </message>
    <message>
        <source>The server is closing the connection: %1</source>
        <translation>Le serveur ferme la connexion : %1</translation>
    </message>
    <message>
        <source>The server refused RSET: %1</source>
        <translation>Le serveur a refusé RSET : %1</translation>
    </message>
</context>
<context>
    <name>Smtp::SslTransport</name>
    <message>
        <source>The server&apos;s certificate was refused: %1</source>
        <translation>Le certificat du serveur a été refusé : %1</translation>
    </message>
    <message>
        <source>No certificate could be read from %1.</source>
        <translation>Aucun certificat n’a pu être lu dans %1.</translation>
    </message>
</context>
<context>
    <name>Storage::Access</name>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>éditeur</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <source>%1 — %2, sections %3</source>
        <translation>%1 — %2, sections %3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 is a reader of this member file: it can look, search and run reports, not change anything, export lists for mailing or send. An admin can change that.</source>
        <translation>%1 est lecteur de ce fichier de membres : il peut consulter, rechercher et lancer des rapports, mais ni rien modifier, ni exporter de liste pour un envoi, ni envoyer. Un admin peut changer cela.</translation>
    </message>
    <message>
        <source>Only an admin of this member file can do this (%1 is %2). The organisation, the purposes, the sending account, the mailbox and the volunteers are theirs.</source>
        <translation>Seul un admin de ce fichier de membres peut faire cela (%1 est %2). L’organisation, les finalités, le compte d’envoi, la boîte de réception et les bénévoles relèvent des admins.</translation>
    </message>
    <message>
        <source>%1 may only add or change members of the sections %2: give this member one of them.</source>
        <translation>%1 ne peut ajouter ou modifier que des membres des sections %2 : donnez à ce membre l’une d’elles.</translation>
    </message>
    <message>
        <source>%1 may only add or change members of the sections %2, not of &quot;%3&quot;.</source>
        <translation>%1 ne peut ajouter ou modifier que des membres des sections %2, pas de « %3 ».</translation>
    </message>
</context>
<context>
    <name>Storage::AuditLog</name>
    <message>
        <source>Consent recorded</source>
        <translation>Consentement enregistré</translation>
    </message>
    <message>
        <source>Withdrawal recorded</source>
        <translation>Retrait enregistré</translation>
    </message>
    <message>
        <source>Consent recorded for a selection</source>
        <translation>Consentement enregistré pour une sélection</translation>
    </message>
    <message>
        <source>Address allowed again</source>
        <translation>Adresse réautorisée</translation>
    </message>
    <message>
        <source>Member&apos;s data exported</source>
        <translation>Données du membre exportées</translation>
    </message>
    <message>
        <source>Member erased</source>
        <translation>Membre effacé</translation>
    </message>
    <message>
        <source>Consent read from an import</source>
        <translation>Consentement lu dans un import</translation>
    </message>
    <message>
        <source>List exported</source>
        <translation>Liste exportée</translation>
    </message>
    <message>
        <source>Member deleted</source>
        <translation>Membre supprimé</translation>
    </message>
</context>
<context>
    <name>Storage::Database</name>
    <message>
        <source>%1 is not a Carnet database. Nothing was changed in it.</source>
        <translation>%1 n’est pas une base Carnet. Rien n’y a été modifié.</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be opened. Nothing was changed in it; restore it from a backup copy.</source>
        <translation>%1 est endommagé et ne peut pas être ouvert. Rien n’y a été modifié ; restaurez-le depuis une copie de sauvegarde.</translation>
    </message>
    <message>
        <source>%1 cannot be written (the file or its folder is read-only). Copy it to a folder you can write to, or change its permissions.</source>
        <translation>Impossible d’écrire dans %1 (le fichier ou son dossier est en lecture seule). Copiez-le dans un dossier où vous pouvez écrire, ou changez ses permissions.</translation>
    </message>
    <message>
        <source>The database is busy in another Carnet window or program. Try again in a moment.</source>
        <translation>La base est occupée par une autre fenêtre ou un autre programme Carnet. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The database file is damaged. Nothing more was written to it; restore it from a backup copy.</source>
        <translation>Le fichier de la base est endommagé. Rien de plus n’y a été écrit ; restaurez-le depuis une copie de sauvegarde.</translation>
    </message>
    <message>
        <source>The database file is read-only.</source>
        <translation>Le fichier de la base est en lecture seule.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved.</source>
        <translation>Le disque est plein : rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The database reported an error: %1</source>
        <translation>La base a signalé une erreur : %1</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Carnet (database version %2; this Carnet knows up to %3). Update Carnet to open it; nothing was changed.</source>
        <translation>%1 a été écrit par une version plus récente de Carnet (version de base %2 ; ce Carnet connaît jusqu’à la %3). Mettez Carnet à jour pour l’ouvrir ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The file is not a Carnet database.</source>
        <translation>Ce fichier n’est pas une base de données Carnet.</translation>
    </message>
    <message>
        <source>A copy cannot replace the file itself.</source>
        <translation>Une copie ne peut pas remplacer le fichier lui-même.</translation>
    </message>
    <message>
        <source>A copy of a server&apos;s member file is made with carnet-cli server copy-to.</source>
        <translation>La copie d’un fichier de membres sur serveur se fait avec carnet-cli server copy-to.</translation>
    </message>
    <message>
        <source>The connection to the database server is lost; nothing was saved. Carnet keeps trying; try again in a moment.</source>
        <translation>La connexion au serveur de base de données est perdue ; rien n’a été enregistré. Carnet continue d’essayer ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>This Carnet cannot reach a PostgreSQL server: Qt&apos;s PostgreSQL driver is not installed (Debian package libqt6sql6-psql).</source>
        <translation>Ce Carnet ne peut pas joindre de serveur PostgreSQL : le pilote PostgreSQL de Qt n’est pas installé (paquet Debian libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>The server refused the user name or password for %1. Check them (the password comes from the keychain, PGPASSWORD or ~/.pgpass).</source>
        <translation>Le serveur a refusé le nom d’utilisateur ou le mot de passe pour %1. Vérifiez-les (le mot de passe vient du trousseau, de PGPASSWORD ou de ~/.pgpass).</translation>
    </message>
    <message>
        <source>The server %1 does not offer an encrypted connection (TLS), and this connection requires one. Nothing was sent.</source>
        <translation>Le serveur %1 ne propose pas de connexion chiffrée (TLS), et cette connexion l’exige. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>To check the server&apos;s certificate, Carnet needs the certificate of the authority that signed it (sslrootcert=FILE in the address).</source>
        <translation>Pour vérifier le certificat du serveur, Carnet a besoin du certificat de l’autorité qui l’a signé (sslrootcert=FICHIER dans l’adresse).</translation>
    </message>
    <message>
        <source>The server %1 presented a certificate that cannot be trusted (not signed by the given authority, expired, or for another name). Nothing was sent.</source>
        <translation>Le serveur %1 a présenté un certificat auquel on ne peut pas se fier (non signé par l’autorité indiquée, expiré ou établi pour un autre nom). Rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>The server name &quot;%1&quot; is unknown. Check the address.</source>
        <translation>Le nom de serveur « %1 » est inconnu. Vérifiez l’adresse.</translation>
    </message>
    <message>
        <source>The server has no database &quot;%1&quot;. Ask its administrator to create it.</source>
        <translation>Le serveur n’a pas de base « %1 ». Demandez à son administrateur de la créer.</translation>
    </message>
    <message>
        <source>The server %1 does not accept this user from this computer (pg_hba.conf).</source>
        <translation>Le serveur %1 n’accepte pas cet utilisateur depuis cet ordinateur (pg_hba.conf).</translation>
    </message>
    <message>
        <source>The server has no user &quot;%1&quot;.</source>
        <translation>Le serveur n’a pas d’utilisateur « %1 ».</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached: %2</source>
        <translation>Le serveur %1 est injoignable : %2</translation>
    </message>
    <message>
        <source>The connection to the database server was lost. Nothing was saved by this step; try again once it is back.</source>
        <translation>La connexion au serveur de base de données a été perdue. Rien n’a été enregistré à cette étape ; réessayez quand elle sera rétablie.</translation>
    </message>
    <message>
        <source>The database is busy with another volunteer&apos;s change. Try again in a moment.</source>
        <translation>La base est occupée par la modification d’un autre bénévole. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The database server&apos;s disk is full: nothing was saved.</source>
        <translation>Le disque du serveur de base de données est plein : rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The database %1 holds tables that are not Carnet&apos;s. Nothing was changed in it; give Carnet an empty database of its own.</source>
        <translation>La base %1 contient des tables qui ne sont pas celles de Carnet. Rien n’y a été modifié ; donnez à Carnet une base vide rien qu’à lui.</translation>
    </message>
    <message>
        <source>The database server refused it: this login may only add or change members of its own sections.</source>
        <translation>Le serveur de base de données l’a refusé : cet identifiant ne peut ajouter ou modifier que des membres de ses propres sections.</translation>
    </message>
    <message>
        <source>The database server does not let this login make that change (its role on this member file does not allow it).</source>
        <translation>Le serveur de base de données ne laisse pas cet identifiant faire cette modification (son rôle sur ce fichier de membres ne le permet pas).</translation>
    </message>
    <message>
        <source>%1 must be brought up to this version of Carnet first (database version %2, this Carnet needs %3), and only its owner can do that: ask %4 to open it once with this Carnet or to run carnet-cli server setup. Nothing was changed.</source>
        <translation>%1 doit d’abord être mis à niveau pour cette version de Carnet (version de base %2, ce Carnet demande la %3), et seul son propriétaire peut le faire : demandez à %4 de l’ouvrir une fois avec ce Carnet ou de lancer carnet-cli server setup. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Only the member file&apos;s owner on the server can rewrite its tables: until the owner runs VACUUM FULL, the erased member&apos;s old row versions stay in the server&apos;s files (not readable through Carnet or SQL).</source>
        <translation>Seul le propriétaire du fichier de membres sur le serveur peut réécrire ses tables : tant qu’il n’a pas lancé VACUUM FULL, les anciennes versions des lignes du membre effacé restent dans les fichiers du serveur (illisibles par Carnet ou en SQL).</translation>
    </message>
    <message>
        <source>Another session on the server kept a transaction open from before the erasure: the erased member&apos;s old row versions may stay in the server&apos;s files until the tables are rewritten again (erase or delete another member, or run VACUUM FULL).</source>
        <translation>Une autre session sur le serveur a gardé ouverte une transaction commencée avant l’effacement : les anciennes versions des lignes du membre effacé peuvent rester dans les fichiers du serveur jusqu’à la prochaine réécriture des tables (effacez ou supprimez un autre membre, ou lancez VACUUM FULL).</translation>
    </message>
</context>
<context>
    <name>Storage::DatabaseCopy</name>
    <message>
        <source>The copy was cancelled; nothing was written to the target.</source>
        <translation>La copie a été annulée ; rien n’a été écrit dans la destination.</translation>
    </message>
    <message>
        <source>The two member files are at different schema versions (%1 and %2).</source>
        <translation>Les deux fichiers de membres n’ont pas la même version de schéma (%1 et %2).</translation>
    </message>
    <message>
        <source>%1 already holds members or other data: a member file is copied only into an empty database. Nothing was written.</source>
        <translation>%1 contient déjà des membres ou d’autres données : un fichier de membres ne se copie que dans une base vide. Rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>Storage::DemoAssociation</name>
    <message>
        <source>No email: send the newsletter by post.</source>
        <translation>Pas d’e-mail : envoyer l’infolettre par la poste.</translation>
    </message>
    <message>
        <source>Family membership.</source>
        <translation>Adhésion familiale.</translation>
    </message>
</context>
<context>
    <name>Storage::ImportBatchRepository</name>
    <message>
        <source>There is no import %1.</source>
        <translation>Il n’y a pas d’import %1.</translation>
    </message>
    <message>
        <source>Import %1 was already undone.</source>
        <translation>L’import %1 a déjà été annulé.</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> et %n autre</numerusform>
            <numerusform> et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>members it created</source>
        <translation>des membres qu’il a créés</translation>
    </message>
    <message>
        <source>Import %1 cannot be undone: members it would restore or remove were changed since — %2. Undoing it would lose those changes; nothing was changed.</source>
        <translation>L’import %1 ne peut pas être annulé : des membres qu’il rétablirait ou retirerait ont été modifiés depuis — %2. L’annuler ferait perdre ces modifications ; rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>Storage::Location</name>
    <message>
        <source>The server address is not usable: %1</source>
        <translation>L’adresse du serveur est inutilisable : %1</translation>
    </message>
    <message>
        <source>it must end with the database name (postgresql://USER@HOST/DATABASE).</source>
        <translation>elle doit se terminer par le nom de la base (postgresql://UTILISATEUR@HÔTE/BASE).</translation>
    </message>
    <message>
        <source>unknown setting &quot;%1&quot;.</source>
        <translation>réglage inconnu « %1 ».</translation>
    </message>
    <message>
        <source>sslmode is one of %1.</source>
        <translation>sslmode vaut l’une de ces valeurs : %1.</translation>
    </message>
    <message>
        <source>the port is a number from 1 to 65535.</source>
        <translation>le port est un nombre de 1 à 65535.</translation>
    </message>
    <message>
        <source>a member file on another computer is reached only encrypted (sslmode=require, verify-ca or verify-full); &quot;%1&quot; would let names and addresses cross the network in clear.</source>
        <translation>un fichier de membres sur un autre ordinateur ne se joint que chiffré (sslmode=require, verify-ca ou verify-full) ; « %1 » laisserait les noms et les adresses traverser le réseau en clair.</translation>
    </message>
</context>
<context>
    <name>Storage::MemberRepository</name>
    <message>
        <source>No member matches &quot;%1&quot;.</source>
        <translation>Aucun membre ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>This email address is already used by %1 %2 (member %3). Members may share an address only within one household.</source>
        <translation>Cette adresse e-mail est déjà utilisée par %1 %2 (membre %3). Seuls les membres d’un même foyer peuvent partager une adresse.</translation>
    </message>
    <message>
        <source>Member number %1 is already used by %2 %3 (member %4).</source>
        <translation>Le n° de membre %1 est déjà utilisé par %2 %3 (membre %4).</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>quelqu’un d’autre</translation>
    </message>
    <message>
        <source>%1 was changed by %2 at %3 since it was read (now version %4): nothing was overwritten.</source>
        <translation>%1 a été modifié par %2 le %3 depuis sa lecture (version %4 maintenant) : rien n’a été écrasé.</translation>
    </message>
</context>
<context>
    <name>Storage::MemberTableModel</name>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Being edited by %1</source>
        <translation>En cours de modification par %1</translation>
    </message>
</context>
<context>
    <name>Storage::Selection</name>
    <message>
        <source>All members</source>
        <translation>Tous les membres</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Pas d’adresse e-mail</translation>
    </message>
    <message>
        <source>Membership expired</source>
        <translation>Adhésion expirée</translation>
    </message>
    <message numerus="yes">
        <source>Membership ending within %n day(s)</source>
        <translation>
            <numerusform>Adhésion finissant d’ici %n jour</numerusform>
            <numerusform>Adhésion finissant d’ici %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Consent missing</source>
        <translation>Consentement manquant</translation>
    </message>
    <message numerus="yes">
        <source>Consent expiring within %n day(s)</source>
        <translation>
            <numerusform>Consentement expirant d’ici %n jour</numerusform>
            <numerusform>Consentement expirant d’ici %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Never invited</source>
        <translation>Jamais invités</translation>
    </message>
    <message>
        <source>Invited, no answer</source>
        <translation>Invités, sans réponse</translation>
    </message>
    <message>
        <source>Undeliverable addresses</source>
        <translation>Adresses non distribuables</translation>
    </message>
</context>
<context>
    <name>Storage::Volunteers</name>
    <message>
        <source>A local member file is one person&apos;s: volunteers and their roles exist for a member file on a server (carnet-cli server setup).</source>
        <translation>Un fichier de membres local appartient à une seule personne : les bénévoles et leurs rôles existent pour un fichier de membres sur un serveur (carnet-cli server setup).</translation>
    </message>
    <message>
        <source>The member file&apos;s owner on the server may not create logins (it needs the CREATEROLE right). Create the login on the server, then give its access without --create.</source>
        <translation>Le propriétaire du fichier de membres sur le serveur ne peut pas créer d’identifiants (il lui faut le droit CREATEROLE). Créez l’identifiant sur le serveur, puis donnez son accès sans --create.</translation>
    </message>
    <message>
        <source>Only an admin of this member file can manage its volunteers.</source>
        <translation>Seul un admin de ce fichier de membres peut gérer ses bénévoles.</translation>
    </message>
    <message>
        <source>The server already has a login &quot;%1&quot;: give its access without creating it (no --create).</source>
        <translation>Le serveur a déjà un identifiant « %1 » : donnez son accès sans le créer (sans --create).</translation>
    </message>
    <message>
        <source>The server has no login &quot;%1&quot;: create it with a password (--create --password-file FILE), or ask the server&apos;s administrator.</source>
        <translation>Le serveur n’a pas d’identifiant « %1 » : créez-le avec un mot de passe (--create --password-file FICHIER), ou demandez à l’administrateur du serveur.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; owns this member file or is a superuser of the server: it has every right already and cannot be limited. Give each volunteer a login of their own.</source>
        <translation>« %1 » est propriétaire de ce fichier de membres ou superutilisateur du serveur : il a déjà tous les droits et ne peut pas être limité. Donnez à chaque bénévole son propre identifiant.</translation>
    </message>
    <message>
        <source>Give the volunteer&apos;s login.</source>
        <translation>Indiquez l’identifiant du bénévole.</translation>
    </message>
    <message>
        <source>A volunteer is an admin, an editor or a reader.</source>
        <translation>Un bénévole est admin, éditeur ou lecteur.</translation>
    </message>
    <message>
        <source>A volunteer&apos;s password needs at least 8 characters.</source>
        <translation>Le mot de passe d’un bénévole doit compter au moins 8 caractères.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Member list, consent and mailing for small associations</source>
        <translation>Liste des membres, consentements et envois pour les petites associations</translation>
    </message>
    <message>
        <source>Open this database file.</source>
        <translation>Ouvrir ce fichier de base.</translation>
    </message>
    <message>
        <source>Open the demo association.</source>
        <translation>Ouvrir l’association de démonstration.</translation>
    </message>
    <message>
        <source>Carnet cannot open the member list</source>
        <translation>Carnet ne peut pas ouvrir la liste des membres</translation>
    </message>
    <message>
        <source>Carnet</source>
        <translation>Carnet</translation>
    </message>
    <message>
        <source>Updating your member list for this version of Carnet…
A copy of the file is kept beside it first.</source>
        <translation>Mise à jour de votre liste de membres pour cette version de Carnet…
Une copie du fichier est d’abord gardée à côté.</translation>
    </message>
    <message>
        <source>demo association</source>
        <translation>association de démonstration</translation>
    </message>
</context>
</TS>
